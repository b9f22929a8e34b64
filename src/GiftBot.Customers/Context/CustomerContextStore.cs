using GiftBot.Storage;
using Microsoft.Bot.Builder;

namespace GiftBot.Customers.Context;

/// <summary>
/// Context cards in Bot Builder <see cref="IStorage"/> under "customers/{channelId}/{userId}", listed through the
/// <see cref="ICustomerListStore"/> table. Inside a turn the card is read once and kept by the turn's <see cref="UnitOfWork"/>:
/// every reader gets the same instance, every change applies to it, and the card and its list row are written once, with
/// the rest of the turn. Outside a turn each change is its own small unit of work. If someone else changed the card
/// meanwhile (an agent, another turn), the commit re-reads it and re-applies this turn's changes in order.
/// </summary>
public sealed class CustomerContextStore(IStorage storage, ICustomerListStore list, IUnitOfWorkCommitter committer, TimeProvider time)
    : ICustomerContextStore
{
    public async Task<CustomerContext?> GetAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var key = CustomerKey.For(channelId, userId);
        if (UnitOfWork.Current is not { } unit)
        {
            return await ReadAsync(key, cancellationToken).ConfigureAwait(false);
        }

        return (await TrackAsync(unit, key, cancellationToken).ConfigureAwait(false)).Context;
    }

    public async Task<CustomerContext?> UpdateAsync(
        string channelId, string userId, Func<CustomerContext, bool> change, bool createIfMissing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var key = CustomerKey.For(channelId, userId);
        await using var scope = UnitOfWork.Begin(committer);
        var tracked = await TrackAsync(scope.Unit, key, cancellationToken).ConfigureAwait(false);
        var context = Apply(tracked, channelId, userId, change, createIfMissing);
        if (context is not null && tracked.Changes.Count > 0)
        {
            Stage(scope.Unit, key, tracked);
        }

        await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
        return context;
    }

    public async Task<bool> DeleteAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var key = CustomerKey.For(channelId, userId);
        var existed = await ReadAsync(key, cancellationToken).ConfigureAwait(false) is not null;
        await storage.DeleteAsync([key], cancellationToken).ConfigureAwait(false);
        // The row goes too: it holds the name and tags, and would keep counting the person in the waiting queue.
        var listed = await list.RemoveAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
        return existed || listed;
    }

    public async Task<CustomerPage> ListAsync(CustomerQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await list.QueryAsync(new CustomerListQuery(
            Status: query.Status?.ToString(),
            Tag: query.Tag,
            AssignedAgent: query.AssignedAgent,
            NamePrefix: CustomerListRows.NameKey(query.NameStartsWith),
            // The waiting queue is served longest-waiting first; every other list shows the most recently active first.
            Order: query.Status == HandoverStatus.WaitingForAgent ? CustomerListOrder.LongestInStatusFirst : CustomerListOrder.RecentFirst,
            Offset: (query.Page - 1) * query.PageSize,
            Limit: query.PageSize), cancellationToken).ConfigureAwait(false);

        var keys = page.Rows.Select(r => CustomerKey.For(r.ChannelId, r.UserId)).ToArray();
        var cards = keys.Length == 0 ? new Dictionary<string, object>() : await storage.ReadItemsAsync<CustomerContext>(keys, StoredValues.PlainSettings, cancellationToken).ConfigureAwait(false);
        var items = keys
            .Select(key => StoredValues.As<CustomerContext>(cards.TryGetValue(key, out var value) ? value : null))
            .OfType<CustomerContext>()
            .Select(CustomerSummary.Of)
            .ToList();
        return new CustomerPage(items, query.Page, query.PageSize, page.Total);
    }

    private CustomerContext? Apply(TrackedCard tracked, string channelId, string userId, Func<CustomerContext, bool> change, bool createIfMissing)
    {
        if (tracked.Context is null && !createIfMissing)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var isNew = tracked.Context is null;
        var context = tracked.Context ?? CustomerContext.Create(channelId, userId, now);
        if (!change(context) && !isNew)
        {
            return context;
        }

        context.UpdatedAt = now;
        tracked.Context = context;
        tracked.Changes.Add((change, createIfMissing));
        return context;
    }

    private void Stage(UnitOfWork unit, string key, TrackedCard tracked)
    {
        unit.Write(key, tracked.Context!, token => RebaseAsync(unit, key, tracked, token));
        unit.UpsertCustomerRow(CustomerListRows.For(tracked.Context!));
    }

    // Another writer won: start from the stored card and replay this unit's changes in the order they were made.
    private async Task RebaseAsync(UnitOfWork unit, string key, TrackedCard tracked, CancellationToken cancellationToken)
    {
        var fresh = await ReadAsync(key, cancellationToken).ConfigureAwait(false);
        var changes = tracked.Changes.ToList();
        var (channelId, userId) = (tracked.ChannelId, tracked.UserId);
        tracked.Context = fresh;
        tracked.Changes.Clear();
        foreach (var (change, createIfMissing) in changes)
        {
            Apply(tracked, channelId, userId, change, createIfMissing);
        }

        if (tracked.Context is not null)
        {
            Stage(unit, key, tracked);
        }
    }

    private async Task<TrackedCard> TrackAsync(UnitOfWork unit, string key, CancellationToken cancellationToken)
    {
        if (unit.Tracked<TrackedCard>(key) is { } tracked)
        {
            return tracked;
        }

        var context = await ReadAsync(key, cancellationToken).ConfigureAwait(false);
        tracked = unit.Tracked<TrackedCard>(key) ?? new TrackedCard(key, context);
        unit.Track(key, tracked);
        return tracked;
    }

    private async Task<CustomerContext?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var read = await storage.ReadItemsAsync<CustomerContext>([key], StoredValues.PlainSettings, cancellationToken).ConfigureAwait(false);
        return StoredValues.As<CustomerContext>(read.TryGetValue(key, out var value) ? value : null);
    }

    /// <summary>One person's card within a unit of work, with the changes made to it (replayed after a conflict).</summary>
    private sealed class TrackedCard(string key, CustomerContext? context)
    {
        public string ChannelId { get; } = Uri.UnescapeDataString(key.Split('/')[1]);

        public string UserId { get; } = Uri.UnescapeDataString(key.Split('/')[2]);

        public CustomerContext? Context { get; set; } = context;

        public List<(Func<CustomerContext, bool> Change, bool CreateIfMissing)> Changes { get; } = [];
    }
}
