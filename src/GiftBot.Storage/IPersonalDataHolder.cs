using System.Text.Json.Nodes;

namespace GiftBot.Storage;

/// <summary>
/// Something a feature keeps that names one person, outside their card, bot state and transcript (share codes,
/// tracked-link tokens, scheduled follow-ups). The privacy export and delete reach every such thing through this port,
/// so a feature that starts keeping data about people registers a holder instead of the deletion learning its keys.
/// </summary>
public interface IPersonalDataHolder
{
    /// <summary>What it holds, as the export and the deletion summary name it, e.g. "share links".</summary>
    string Name { get; }

    /// <summary>What it holds about the person, as JSON for the export; null when it holds nothing.</summary>
    Task<JsonNode?> ExportAsync(DataSubject person, CancellationToken cancellationToken);

    /// <summary>Removes what it holds about the person; returns how many things it removed. Runs before the person's bot state is deleted.</summary>
    Task<int> ForgetAsync(DataSubject person, CancellationToken cancellationToken);
}

/// <param name="ConversationIds">The conversations the person had with the bot (from the transcript), for holders keyed by conversation.</param>
public sealed record DataSubject(string ChannelId, string UserId, IReadOnlyList<string> ConversationIds);
