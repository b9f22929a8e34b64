using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Benchmarks;

/// <summary>The baseline turn: the stock echo bot (no state, no dialogs), one reply per message.</summary>
public sealed class EchoBot : ActivityHandler
{
    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Activity.Text), cancellationToken);
}

/// <summary>
/// An echo "dialog" inside GiftBot's pipeline: conversation state read, changed and saved every turn (committed by the
/// turn's unit of work with the customer card), one reply. Measures what GiftBot adds around a trivial conversation.
/// </summary>
public sealed class EchoDialogBot(ConversationState conversationState) : IBot
{
    private readonly IStatePropertyAccessor<EchoState> _state = conversationState.CreateTrackedProperty<EchoState>("echo");

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Type != ActivityTypes.Message) return;
        var state = await _state.GetAsync(turnContext, () => new EchoState(), cancellationToken);
        state.Turns++;
        await turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Activity.Text), cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    public sealed class EchoState
    {
        public int Turns { get; set; }
    }
}
