using System.Runtime.ExceptionServices;
using GiftBot.Conversations.State;
using GiftBot.Conversations.Text;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace GiftBot.Conversations.Pipeline;

/// <summary>
/// What happens when a turn fails, on every channel and adapter. A passing failure (the store or a remote API briefly
/// down) in a turn the Messenger inbox will run again is handed back untouched, so the inbox retries it. Anything else:
/// the error is logged once, the dialog stack is dropped (the whole conversation state when it cannot be read) so the
/// next message starts cleanly, the shopper gets one apology, and the Emulator gets a TurnError trace. An inbox turn then
/// ends with <see cref="TurnFailedException"/>: it would fail the same way again, so the inbox parks it at once.
/// </summary>
public sealed class TurnErrorPolicy(BotAccessors accessors, BotVoice voice, ILogger<TurnErrorPolicy> logger)
{
    private const string ErrorTraceType = "https://www.botframework.com/schemas/error";

    /// <summary>True when the caller (the Messenger inbox) runs the turn again for this failure.</summary>
    public static bool WillBeRetried(ITurnContext turnContext, Exception exception) =>
        InboxTurns.IsInboxTurn(turnContext) && TransientFailures.IsTransient(exception);

    /// <summary>Suits <see cref="BotAdapter.OnTurnError"/> as well as the pipeline's own catch.</summary>
    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        // Already handled inside the pipeline; an adapter's OnTurnError sees it again: nothing more to do or say.
        if (exception is TurnFailedException) ExceptionDispatchInfo.Throw(exception);
        var activity = turnContext.Activity;
        if (WillBeRetried(turnContext, exception))
        {
            logger.LogWarning("Turn on {ChannelId} failed for a passing reason ({ExceptionType}); the inbox will run it again",
                activity.ChannelId, exception.GetType().Name);
            ExceptionDispatchInfo.Throw(exception);
        }

        logger.LogError(exception, "Turn failed on {ActivityType} activity {ActivityId} in conversation {ConversationId} ({ChannelId})",
            activity.Type, activity.Id, LoggedIds.Key(activity.Conversation?.Id), activity.ChannelId);
        // Nothing the failed turn changed is committed with its unit of work; only the reset below is.
        GiftBot.Storage.UnitOfWork.Current?.Discard();
        var stateWasUnreadable = await ResetDialogStateAsync(turnContext);
        await ApologizeAsync(turnContext, stateWasUnreadable ? CommonText.StateReset : CommonText.Error);
        await SendErrorTraceAsync(turnContext, exception);
        if (InboxTurns.IsInboxTurn(turnContext)) throw new TurnFailedException(exception);
    }

    private async Task ApologizeAsync(ITurnContext turnContext, string textKey)
    {
        if (turnContext.Activity.Type is not (ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.ConversationUpdate)) return;
        await TryAsync(() => turnContext.SendActivityAsync(MessageFactory.Text(voice.Line(turnContext, textKey)), CancellationToken.None),
            "send the apology", turnContext);
    }

    /// <summary>
    /// Drops the dialog stack (not the rest of the conversation, not user state). Returns true when the stored
    /// conversation state could not be read at all and was deleted instead.
    /// </summary>
    private async Task<bool> ResetDialogStateAsync(ITurnContext turnContext)
    {
        var conversationState = accessors.ConversationState;
        try
        {
            // Reload first: the failed turn's in-memory changes must not be saved.
            await conversationState.LoadAsync(turnContext, force: true, CancellationToken.None);
        }
        catch (Exception readFailure)
        {
            logger.LogWarning(readFailure, "Conversation state of {ConversationId} cannot be read; deleting it", LoggedIds.Key(turnContext.Activity.Conversation?.Id));
            await TryAsync(() => conversationState.DeleteAsync(turnContext, CancellationToken.None), "delete the unreadable conversation state", turnContext);
            return true;
        }
        await TryAsync(async () =>
        {
            await accessors.DialogState.DeleteAsync(turnContext, CancellationToken.None);
            await conversationState.SaveChangesAsync(turnContext, force: false, CancellationToken.None);
        }, "reset the dialog state", turnContext);
        return false;
    }

    private Task SendErrorTraceAsync(ITurnContext turnContext, Exception exception)
    {
        // Trace activities are only rendered by the Emulator; other channels never get exception text.
        if (turnContext.Activity.ChannelId != Channels.Emulator) return Task.CompletedTask;
        var trace = Activity.CreateTraceActivity("OnTurnError Trace", ErrorTraceType, exception.Message, "TurnError");
        return TryAsync(() => turnContext.SendActivityAsync(trace, CancellationToken.None), "send the TurnError trace", turnContext);
    }

    private async Task TryAsync(Func<Task> action, string what, ITurnContext turnContext)
    {
        try { await action(); }
        catch (Exception failure)
        {
            logger.LogWarning(failure, "Could not {Action} in conversation {ConversationId}", what, LoggedIds.Key(turnContext.Activity.Conversation?.Id));
        }
    }
}
