using GiftBot.Conversations.State;
using GiftBot.Conversations.Text;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace GiftBot.Conversations.Pipeline;

/// <summary>
/// Loads conversation and user state before any stage reads them. A conversation
/// whose state cannot be read (corrupt, written by an older version, or a failing read) is reset with an apology and the
/// turn goes on; the basket and saved recipients live in UserState and survive the reset.
/// </summary>
public sealed class ConversationStateStage(BotAccessors accessors, BotVoice voice, ILogger<ConversationStateStage> logger) : ITurnStage
{
    public async Task<TurnFlow> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await LoadConversationStateAsync(turnContext, cancellationToken);
        await LoadUserStateAsync(turnContext, cancellationToken);
        return TurnFlow.Continue;
    }

    /// <summary>Forgets the conversation's dialog stack and search (not the user's basket) and apologises.</summary>
    public async Task ResetConversationAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await accessors.ConversationState.ClearStateAsync(turnContext, cancellationToken);
        // Mark the fresh state as started so the funnel does not count the same conversation twice.
        await accessors.ConversationData.SetAsync(turnContext, new ConversationData { Started = true }, cancellationToken);
        await turnContext.SendActivityAsync(MessageFactory.Text(voice.Line(turnContext, CommonText.StateReset)), cancellationToken);
    }

    private async Task LoadConversationStateAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            await accessors.ConversationState.LoadAsync(turnContext, false, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !TransientFailures.IsTransient(ex))
        {
            logger.LogWarning(ex, "Conversation state on channel {ChannelId} could not be read; starting the conversation afresh", turnContext.Activity.ChannelId);
            await ResetConversationAsync(turnContext, cancellationToken);
        }
    }

    // Only a stored item that is definitely unreadable is replaced; a storage outage must not overwrite a good basket.
    private async Task LoadUserStateAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            await accessors.UserState.LoadAsync(turnContext, false, cancellationToken);
        }
        catch (StorageReadException ex)
        {
            logger.LogError(ex, "User state on channel {ChannelId} is unreadable; the shopper starts with an empty basket", turnContext.Activity.ChannelId);
            await accessors.UserState.ClearStateAsync(turnContext, cancellationToken);
            // Written over the unreadable item now (rare): a cleared state alone would not count as a change to commit.
            await accessors.UserState.SaveChangesAsync(turnContext, force: true, cancellationToken);
        }
    }
}
