using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Benchmarks;

/// <summary>The baseline turn: the stock echo bot (no state, no dialogs), one reply per message.</summary>
public sealed class EchoBot : ActivityHandler
{
    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Activity.Text), cancellationToken);
}
