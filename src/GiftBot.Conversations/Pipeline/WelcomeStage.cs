using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Funnel;
using GiftBot.Conversations.Main;
using GiftBot.Conversations.ReturningShoppers;
using GiftBot.Conversations.State;
using GiftBot.Conversations.Text;
using GiftBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace GiftBot.Conversations.Bots;

/// <summary>
/// Welcomes the shopper (the persona introduces itself as a virtual assistant) when they join a conversation
/// (Emulator, Web Chat) or tap Get Started (Messenger), then lets the main dialog start shopping.
/// </summary>
public class DialogAndWelcomeBot<T> : DialogBot<T> where T : Dialog
{
    private readonly RecipientMemory _memory;

    public DialogAndWelcomeBot(T dialog, BotAccessors accessors, BotVoice voice, FunnelRecorder funnel, RecipientMemory memory, ILogger<DialogBot<T>> logger)
        : base(dialog, accessors, voice, funnel, logger)
    {
        _memory = memory;
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // One welcome per conversation, whoever else joins with the shopper.
        if (!membersAdded.Any(member => member.Id != turnContext.Activity.Recipient?.Id)) return;
        await WelcomeAsync(turnContext, cancellationToken);
        await RunDialogAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        if (Payloads.Is(turnContext.Activity.Text, Payloads.GetStarted)) await WelcomeAsync(turnContext, cancellationToken);
        await base.OnMessageActivityAsync(turnContext, cancellationToken);
    }

    private async Task WelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var returning = await _memory.LatestAsync(turnContext, cancellationToken) is not null && Voice.Has(turnContext, MainText.WelcomeBack);
        await turnContext.SendActivityAsync(MessageFactory.Text(Voice.Line(turnContext, returning ? MainText.WelcomeBack : MainText.Welcome)), cancellationToken);
    }
}
