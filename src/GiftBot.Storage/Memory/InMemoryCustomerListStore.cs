using System.Collections.Concurrent;

namespace GiftBot.Storage.Memory;

/// <summary>The agents' list for runs without a database (tests, samples): the same filters and order as the SQL stores, by scanning.</summary>
public sealed class InMemoryCustomerListStore : ICustomerListStore
{
    private readonly ConcurrentDictionary<(string, string), CustomerListRow> _rows = new();

    public void Upsert(CustomerListRow row) => _rows[(row.ChannelId, row.UserId)] = row with { Tags = [.. row.Tags.Order(StringComparer.Ordinal)] };

    public Task<bool> RemoveAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryRemove((channelId, userId), out _));

    public Task<CustomerListPage> QueryAsync(CustomerListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matches = _rows.Values
            .Where(r => query.Status is null || r.Status == query.Status)
            .Where(r => query.Tag is null || r.Tags.Contains(query.Tag, StringComparer.Ordinal))
            .Where(r => query.AssignedAgent is null || string.Equals(r.AssignedAgent, query.AssignedAgent, StringComparison.OrdinalIgnoreCase))
            .Where(r => string.IsNullOrEmpty(query.NamePrefix) || (r.NameKey?.StartsWith(query.NamePrefix, StringComparison.Ordinal) ?? false));
        var ordered = query.Order == CustomerListOrder.LongestInStatusFirst
            ? matches.OrderBy(r => r.StatusSince is null).ThenBy(r => r.StatusSince)
            : matches.OrderBy(r => r.LastInteractionAt is null).ThenByDescending(r => r.LastInteractionAt);
        var all = ordered.ThenBy(r => r.ChannelId, StringComparer.Ordinal).ThenBy(r => r.UserId, StringComparer.Ordinal).ToList();
        return Task.FromResult(new CustomerListPage(all.Skip(query.Offset).Take(query.Limit).ToList(), all.Count));
    }
}
