using GiftBot.WebConsole.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace GiftBot.WebConsole.Privacy;

/// <summary>
/// A channel's "deleteUserData" activity (the Bot Framework's way of passing on a person's request to be forgotten):
/// everything that names them is deleted, as the console's delete button does. It runs before the rest of the turn, which
/// is not run at all: the unit of work, the context card and the transcript would otherwise write the person back.
/// </summary>
public sealed class DeleteUserDataMiddleware(ShopperData data, ConsoleEventHub events, ILogger<DeleteUserDataMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.DeleteUserData)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.From?.Id))
        {
            logger.LogWarning("A deleteUserData activity without a channel or sender was ignored: nobody to delete");
            return;
        }
        await data.DeleteAsync(activity.ChannelId, activity.From.Id, cancellationToken).ConfigureAwait(false);
        events.Publish(activity.ChannelId, activity.From.Id);
    }
}
