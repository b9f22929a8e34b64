using GiftBot.Conversations.Funnel;
using GiftBot.Conversations.Main;
using GiftBot.Conversations.State;
using GiftBot.Conversations.Text;
using GiftBot.Dialogs;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace GiftBot.Conversations.Bots;

/// <summary>
/// Runs the root dialog for messages and events and saves ConversationState and UserState after every turn (the
/// samples' DialogBot). A conversation whose dialog state cannot be read (corrupt, written by an older version, or a
/// failing read) is reset with an apology and the turn goes on; the basket and saved recipients live in UserState and
/// survive the reset.
/// </summary>
public class DialogBot<T> : ActivityHandler where T : Dialog
{
    public DialogBot(T dialog, BotAccessors accessors, BotVoice voice, FunnelRecorder funnel, ILogger<DialogBot<T>> logger)
    {
        Dialog = dialog;
        Accessors = accessors;
        Voice = voice;
        Funnel = funnel;
        Logger = logger;
    }

    protected Dialog Dialog { get; }
    protected BotAccessors Accessors { get; }
    protected BotVoice Voice { get; }
    protected FunnelRecorder Funnel { get; }
    protected ILogger Logger { get; }

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await LoadConversationStateAsync(turnContext, cancellationToken);
        await LoadUserStateAsync(turnContext, cancellationToken);
        await RecordConversationStartedAsync(turnContext, cancellationToken);
        await base.OnTurnAsync(turnContext, cancellationToken);
        await Accessors.ConversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await Accessors.UserState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        RunDialogAsync(turnContext, cancellationToken);

    /// <summary>Events (Messenger referrals, handover notices) go to the main dialog's event routes.</summary>
    protected override Task OnEventActivityAsync(ITurnContext<IEventActivity> turnContext, CancellationToken cancellationToken) =>
        RunDialogAsync(turnContext, cancellationToken);

    /// <summary>Runs the dialog; if its stored state cannot be read, resets the conversation and runs it once more from scratch.</summary>
    protected async Task RunDialogAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            await Dialog.RunAsync(turnContext, Accessors.DialogState, cancellationToken);
        }
        catch (Exception ex) when (ex is DialogStateException or JsonException)
        {
            Logger.LogWarning(ex, "Dialog state of a conversation on channel {ChannelId} could not be read; resetting it", turnContext.Activity.ChannelId);
            await ResetConversationAsync(turnContext, cancellationToken);
            await Dialog.RunAsync(turnContext, Accessors.DialogState, cancellationToken);
        }
    }

    private async Task LoadConversationStateAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            await Accessors.ConversationState.LoadAsync(turnContext, false, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Conversation state on channel {ChannelId} could not be read; starting the conversation afresh", turnContext.Activity.ChannelId);
            await ResetConversationAsync(turnContext, cancellationToken);
        }
    }

    // Only a stored item that is definitely unreadable is replaced; a storage outage must not overwrite a good basket.
    private async Task LoadUserStateAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            await Accessors.UserState.LoadAsync(turnContext, false, cancellationToken);
        }
        catch (StorageReadException ex)
        {
            Logger.LogError(ex, "User state on channel {ChannelId} is unreadable; the shopper starts with an empty basket", turnContext.Activity.ChannelId);
            await Accessors.UserState.ClearStateAsync(turnContext, cancellationToken);
            await Accessors.Basket.SetAsync(turnContext, new Basket.ShopperBasket(), cancellationToken); // saved over the unreadable item
        }
    }

    /// <summary>Forgets the conversation's dialog stack and search (not the user's basket) and apologises.</summary>
    private async Task ResetConversationAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await Accessors.ConversationState.ClearStateAsync(turnContext, cancellationToken);
        // Mark the fresh state as started so the funnel does not count the same conversation twice.
        await Accessors.ConversationData.SetAsync(turnContext, new ConversationData { Started = true }, cancellationToken);
        await turnContext.SendActivityAsync(MessageFactory.Text(Voice.Line(turnContext, MainText.StateReset)), cancellationToken);
    }

    private async Task RecordConversationStartedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var shopperTurn = activity.Type == ActivityTypes.Message
            || (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true);
        if (!shopperTurn) return;
        var data = await Accessors.ConversationData.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        if (data.Started) return;
        data.Started = true;
        await Funnel.RecordAsync(turnContext, FunnelEventKinds.ConversationStarted,
            new Dictionary<string, string> { ["channel"] = activity.ChannelId ?? "unknown" }, cancellationToken);
    }
}
