namespace GiftBot.Language.Entities;

/// <summary>An entity value and the tokens First..Last (inclusive) it came from.</summary>
public sealed record EntityMention<T>(T Value, int First, int Last);
