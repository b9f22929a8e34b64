namespace GiftBot.WebConsole.Orders;

/// <summary>
/// A purchase reported by the shop, attributed to the conversation whose checkout link carried <see cref="Token"/>:
/// first touch (how the shopper first came) and last touch (their latest entry before buying). "organic" when unknown.
/// </summary>
public sealed record Order(
    string OrderId, decimal Total, string Currency, DateTimeOffset At, string? Token,
    string? ChannelId, string? UserId, string FirstTouch, string LastTouch);

public interface IOrderStore
{
    /// <summary>False when the order id is known already (webhooks are retried; imports are re-run).</summary>
    Task<bool> TryAddAsync(Order order, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<Order>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    Task<IReadOnlyList<Order>> ListForPersonAsync(string channelId, string userId, CancellationToken cancellationToken);

    /// <summary>Forgets who bought (the sale itself stays counted, without the person).</summary>
    Task<int> ForgetPersonAsync(string channelId, string userId, CancellationToken cancellationToken);
}

/// <summary>Ad spend per ad per day, from an Ads Manager export or typed in.</summary>
public sealed record AdSpend(string AdId, DateOnly Day, string? Campaign, decimal Spend);

public interface IAdSpendStore
{
    /// <summary>Replaces the spend of the same ad and day.</summary>
    Task UpsertAsync(IReadOnlyCollection<AdSpend> rows, CancellationToken cancellationToken);

    Task<IReadOnlyList<AdSpend>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
