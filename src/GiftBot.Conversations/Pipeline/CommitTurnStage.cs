using GiftBot.Conversations.State;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Pipeline;

/// <summary>
/// The end of every turn: everything the turn changed in conversation and user state is written here, once
/// (the place where a unit of work per turn commits).
/// </summary>
public sealed class CommitTurnStage(BotAccessors accessors) : ITurnStage
{
    public async Task<TurnFlow> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await accessors.ConversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await accessors.UserState.SaveChangesAsync(turnContext, false, cancellationToken);
        return TurnFlow.Continue;
    }
}
