using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.State;

/// <summary>
/// What this turn was about, for tagging rules after the turn: the intent (typed or as a button command) and the FAQ
/// topic answered. Kept in turn state by the handlers that act on them.
/// </summary>
public sealed class TurnFacts
{
    public string? Intent { get; set; }
    public string? FaqTopic { get; set; }

    public static TurnFacts Of(ITurnContext turnContext)
    {
        if (turnContext.TurnState.Get<TurnFacts>() is { } facts) return facts;
        facts = new TurnFacts();
        turnContext.TurnState.Set(facts);
        return facts;
    }
}
