using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Bot;

/// <summary>Temporary bot until the gift finder is wired: repeats the shopper's text.</summary>
public sealed class EchoBot : ActivityHandler
{
    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Activity.Text ?? ""), cancellationToken);
}
