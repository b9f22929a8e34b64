using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace GiftBot.Customers.Context;

/// <summary>
/// Context cards in Bot Builder <see cref="IStorage"/> under "customers/{channelId}/{userId}". Every change reads the
/// card with its ETag, applies the change and writes it back; a concurrent writer makes the write fail and the change
/// is re-applied to a fresh read, so two turns (or a turn and an agent) never overwrite each other.
/// </summary>
public sealed class CustomerContextStore(IStorage storage, CustomerIndex index, TimeProvider time, ILogger<CustomerContextStore> logger)
    : ICustomerContextStore
{
    internal const int MaxAttempts = 5;

    public async Task<CustomerContext?> GetAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var key = CustomerKey.For(channelId, userId);
        var read = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return StoredValues.As<CustomerContext>(read.TryGetValue(key, out var value) ? value : null);
    }

    public async Task<CustomerContext?> UpdateAsync(
        string channelId, string userId, Func<CustomerContext, bool> change, bool createIfMissing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var key = CustomerKey.For(channelId, userId);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await GetAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
            if (stored is null && !createIfMissing)
            {
                return null;
            }

            var now = time.GetUtcNow();
            var before = stored is null ? null : CustomerIndex.EntryFor(stored);
            var context = stored ?? CustomerContext.Create(channelId, userId, now);
            if (!change(context) && stored is not null)
            {
                return context;
            }

            context.UpdatedAt = now;
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { [key] = context }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (StoredValues.IsConcurrencyConflict(ex) && attempt < MaxAttempts)
            {
                logger.LogDebug("Customer context {ChannelId}/{UserId} changed concurrently; re-applying the change (attempt {Attempt})", channelId, userId, attempt);
                continue;
            }

            var after = CustomerIndex.EntryFor(context);
            if (before is null || !after.SameAs(before))
            {
                await index.TryUpsertAsync(after, cancellationToken).ConfigureAwait(false);
            }

            return context;
        }
    }

    public async Task<CustomerPage> ListAsync(CustomerQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var entries = (await index.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            .Where(e => query.Status is null || e.Status == query.Status)
            .Where(e => query.Tag is null || e.Tags.Contains(query.Tag, StringComparer.Ordinal))
            .Where(e => query.AssignedAgent is null || string.Equals(e.AssignedAgent, query.AssignedAgent, StringComparison.OrdinalIgnoreCase));

        // The waiting queue is served longest-waiting first; every other list shows the most recently active first.
        var ordered = query.Status == HandoverStatus.WaitingForAgent
            ? entries.OrderBy(e => e.StatusSince ?? DateTimeOffset.MaxValue)
            : entries.OrderByDescending(e => e.LastInteractionAt ?? DateTimeOffset.MinValue);
        var all = ordered.ThenBy(e => e.ChannelId, StringComparer.Ordinal).ThenBy(e => e.UserId, StringComparer.Ordinal).ToList();

        var pageEntries = all.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        var keys = pageEntries.Select(e => CustomerKey.For(e.ChannelId, e.UserId)).ToArray();
        var cards = keys.Length == 0 ? new Dictionary<string, object>() : await storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        var items = keys
            .Select(key => StoredValues.As<CustomerContext>(cards.TryGetValue(key, out var value) ? value : null))
            .OfType<CustomerContext>()
            .Select(CustomerSummary.Of)
            .ToList();
        return new CustomerPage(items, query.Page, query.PageSize, all.Count);
    }
}
