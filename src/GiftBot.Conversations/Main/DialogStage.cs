using GiftBot.Conversations.Funnel;
using GiftBot.Conversations.Pipeline;
using GiftBot.Conversations.State;
using GiftBot.Storage;
using GiftBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace GiftBot.Conversations.Main;

/// <summary>
/// Runs the main dialog (interruptions first, then routing and the gift finder) for messages, events (referrals,
/// handover notices) and a shopper joining. If its stored dialog state cannot be read, the conversation is reset and the
/// dialog runs once more from scratch.
/// </summary>
public sealed class DialogStage(MainDialog dialog, BotAccessors accessors, ConversationStateStage state, FunnelRecorder funnel, ILogger<DialogStage> logger)
    : ITurnStage
{
    public async Task<TurnFlow> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.Message || WelcomeStage.ShopperJoined(activity)) await RecordConversationStartedAsync(turnContext, cancellationToken);
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Event) && !WelcomeStage.ShopperJoined(activity)) return TurnFlow.Continue;
        try
        {
            await dialog.RunAsync(turnContext, accessors.DialogState, cancellationToken);
        }
        catch (Exception ex) when (ex is DialogStateException or JsonException)
        {
            logger.LogWarning(ex, "Dialog state of a conversation on channel {ChannelId} could not be read; resetting it", activity.ChannelId);
            await state.ResetConversationAsync(turnContext, cancellationToken);
            await dialog.RunAsync(turnContext, accessors.DialogState, cancellationToken);
        }
        return TurnFlow.Continue;
    }

    private async Task RecordConversationStartedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var data = await accessors.ConversationData.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        if (data.Started) return;
        data.Started = true;
        await funnel.RecordAsync(turnContext, FunnelEventKinds.ConversationStarted,
            new Dictionary<string, string> { ["channel"] = turnContext.Activity.ChannelId ?? "unknown" }, cancellationToken);
    }
}
