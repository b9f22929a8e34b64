using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Pipeline;

/// <summary>One step of every turn (see <see cref="TurnPipeline"/>). A stage that has fully handled the turn ends it.</summary>
public interface ITurnStage
{
    Task<TurnFlow> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}

public enum TurnFlow
{
    Continue,

    /// <summary>Nothing after this stage runs, except the commit.</summary>
    EndTurn,
}
