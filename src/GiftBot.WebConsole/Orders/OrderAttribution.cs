using GiftBot.Conversations.ClickTracking;
using GiftBot.Customers.Context;

namespace GiftBot.WebConsole.Orders;

/// <summary>
/// Which conversation and entry source an order belongs to: the checkout link's token names the conversation
/// (<see cref="ClickTokens"/>), whose context card says how the shopper first came and how they came last.
/// </summary>
public sealed class OrderAttribution(ClickTokens tokens, ICustomerContextStore customers)
{
    public async Task<Order> AttributeAsync(string orderId, decimal total, string currency, DateTimeOffset at, string? token, CancellationToken cancellationToken)
    {
        var origin = await tokens.ResolveAsync(token, cancellationToken).ConfigureAwait(false);
        var context = origin?.UserId is { } userId && CustomerKey.IsValidId(origin.ChannelId) && CustomerKey.IsValidId(userId)
            ? await customers.GetAsync(origin.ChannelId, userId, cancellationToken).ConfigureAwait(false)
            : null;
        return new Order(orderId, total, currency, at, ClickTokens.IsWellFormed(token) ? token : null, origin?.ChannelId, origin?.UserId,
            EntrySources.KeyOf(context?.FirstEntry), EntrySources.KeyOf(context?.LatestEntry));
    }
}
