using GiftBot.Storage;
using Microsoft.Bot.Builder;

namespace GiftBot.Customers.Context;

/// <summary>
/// The sender's context card, which <see cref="Middleware.CustomerActivityMiddleware"/> reads on every turn a person acts
/// in: named to the turn's unit of work, it is fetched in the same statement as the turn's state.
/// </summary>
public sealed class CustomerCardReadAhead : ITurnReadAhead
{
    public IEnumerable<string> KeysFor(ITurnContext turnContext) =>
        turnContext?.Activity is { } activity && CustomerKey.IsValidId(activity.ChannelId) && CustomerKey.IsValidId(activity.From?.Id)
            ? [CustomerKey.For(activity.ChannelId, activity.From!.Id)]
            : [];
}
