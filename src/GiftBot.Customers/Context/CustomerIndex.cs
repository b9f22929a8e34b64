using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace GiftBot.Customers.Context;

/// <summary>
/// IStorage cannot list keys, so the agent list is served from a small index kept beside the cards: one entry per
/// person with the fields the list filters and sorts on. It is split into shards so concurrent updates of different
/// people rarely touch the same document. The last interaction is kept at 5-minute precision so a chatty person
/// does not rewrite a shard on every message (the list shows exact values read from the cards).
/// </summary>
public sealed class CustomerIndex(IStorage storage, ILogger<CustomerIndex> logger)
{
    public const int ShardCount = 16;
    private const string ShardKeyPrefix = "customers-index/";
    private const int MaxAttempts = 8;
    private static readonly TimeSpan InteractionPrecision = TimeSpan.FromMinutes(5);

    public static CustomerIndexEntry EntryFor(CustomerContext context) => new()
    {
        ChannelId = context.ChannelId,
        UserId = context.UserId,
        Status = context.Handover.Status,
        StatusSince = context.Handover.Since,
        LastInteractionAt = context.LastInteractionAt is { } at
            ? new DateTimeOffset(at.UtcTicks - (at.UtcTicks % InteractionPrecision.Ticks), TimeSpan.Zero)
            : null,
        Tags = [.. context.Tags],
        AssignedAgent = context.AssignedAgent,
    };

    /// <summary>Writes the entry; failures are logged, not thrown: the card itself is already saved and the next change repairs the entry.</summary>
    public async Task TryUpsertAsync(CustomerIndexEntry entry, CancellationToken cancellationToken)
    {
        var entryKey = CustomerKey.For(entry.ChannelId, entry.UserId);
        var shardKey = ShardKeyPrefix + Shard(entryKey).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                var read = await storage.ReadAsync([shardKey], cancellationToken).ConfigureAwait(false);
                var shard = StoredValues.As<CustomerIndexShard>(read.TryGetValue(shardKey, out var value) ? value : null) ?? new CustomerIndexShard();
                shard.Entries[entryKey] = entry;
                await storage.WriteAsync(new Dictionary<string, object> { [shardKey] = shard }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (StoredValues.IsConcurrencyConflict(ex) && attempt < MaxAttempts)
            {
                logger.LogDebug("Customer index shard {ShardKey} changed concurrently; retrying (attempt {Attempt})", shardKey, attempt);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not update the customer index for {ChannelId}/{UserId}; the person is listed after their next change", entry.ChannelId, entry.UserId);
                return;
            }
        }
    }

    public async Task<IReadOnlyList<CustomerIndexEntry>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var keys = Enumerable.Range(0, ShardCount)
            .Select(i => ShardKeyPrefix + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var read = await storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        return read.Values.Select(StoredValues.As<CustomerIndexShard>).OfType<CustomerIndexShard>()
            .SelectMany(shard => shard.Entries.Values).ToList();
    }

    /// <summary>FNV-1a: stable across processes (string.GetHashCode is randomised per process).</summary>
    private static int Shard(string key)
    {
        var hash = 2166136261u;
        foreach (var ch in key)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)(hash % ShardCount);
    }
}

public sealed class CustomerIndexEntry
{
    public string ChannelId { get; set; } = "";
    public string UserId { get; set; } = "";
    public HandoverStatus Status { get; set; }
    public DateTimeOffset? StatusSince { get; set; }
    public DateTimeOffset? LastInteractionAt { get; set; }
    public List<string> Tags { get; set; } = [];
    public string? AssignedAgent { get; set; }

    public bool SameAs(CustomerIndexEntry other) =>
        ChannelId == other.ChannelId && UserId == other.UserId && Status == other.Status && StatusSince == other.StatusSince
        && LastInteractionAt == other.LastInteractionAt && AssignedAgent == other.AssignedAgent && Tags.SequenceEqual(other.Tags);
}

public sealed class CustomerIndexShard : IStoreItem
{
    public Dictionary<string, CustomerIndexEntry> Entries { get; set; } = new(StringComparer.Ordinal);

    public string? ETag { get; set; }
}
