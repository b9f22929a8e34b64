using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Storage.Memory;

/// <summary>
/// Commits units of work to whatever stores are registered, one after another, for runs without a database (Bot Builder's
/// MemoryStorage in tests and samples). ETags are checked per key as MemoryStorage does; nothing is atomic or durable.
/// </summary>
public sealed class InMemoryUnitOfWorkCommitter(IServiceProvider services) : IUnitOfWorkCommitter
{
    public async Task CommitAsync(UnitOfWorkChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var storage = services.GetRequiredService<IStorage>();
        foreach (var change in changes.State)
        {
            if (change.IsDelete)
            {
                await storage.DeleteAsync([change.Key], cancellationToken).ConfigureAwait(false);
                continue;
            }

            var item = JsonStoreItem.From(JObject.Parse(change.Json!), change.ExpectedETag ?? "*");
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { [change.Key] = item }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not StorageConcurrencyException && ex.Message.StartsWith("Etag conflict", StringComparison.OrdinalIgnoreCase))
            {
                throw new StorageConcurrencyException(change.Key, change.ExpectedETag, null);
            }

            var stored = await storage.ReadAsync([change.Key], cancellationToken).ConfigureAwait(false);
            var etag = stored.TryGetValue(change.Key, out var value) ? value switch
            {
                IStoreItem storeItem => storeItem.ETag,
                JObject json => json.Value<string>("eTag"),
                _ => null,
            } : null;
            change.NewETag = etag ?? change.NewETag;
        }

        if (changes.CustomerRows.Count > 0)
        {
            var list = services.GetRequiredService<ICustomerListStore>() as InMemoryCustomerListStore
                ?? throw new InvalidOperationException("Customer list rows need the database provider's committer (AddStorage).");
            changes.CustomerRows.ForEach(list.Upsert);
        }

        foreach (var funnelEvent in changes.FunnelEvents)
        {
            await services.GetRequiredService<IFunnelEventStore>().RecordAsync(funnelEvent, cancellationToken).ConfigureAwait(false);
        }

        foreach (var job in changes.Jobs)
        {
            var jobs = services.GetRequiredService<IScheduledJobStore>();
            _ = job.IsCancel
                ? await jobs.CancelAsync(job.JobKey, cancellationToken).ConfigureAwait(false)
                : await ScheduleAsync(jobs, job, cancellationToken).ConfigureAwait(false);
        }

        foreach (var id in changes.CompletedInboxItems)
        {
            await services.GetRequiredService<IDurableInbox>().CompleteAsync(id, cancellationToken).ConfigureAwait(false);
        }

        if (services.GetService<IReplyOutbox>() is InMemoryReplyOutbox outbox)
        {
            changes.ClearedReplyOutboxes.ForEach(outbox.Clear);
        }
    }

    private static async Task<bool> ScheduleAsync(IScheduledJobStore jobs, JobChange job, CancellationToken cancellationToken)
    {
        await jobs.ScheduleAsync(job.JobKey, job.Kind!, job.Payload!, job.DueAt, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The stored JSON as an IStoreItem, so MemoryStorage checks its ETag atomically.</summary>
    private sealed class JsonStoreItem : IStoreItem
    {
        [JsonExtensionData]
        public IDictionary<string, JToken> Properties { get; set; } = new Dictionary<string, JToken>();

        [JsonProperty("eTag")]
        public string? ETag { get; set; }

        public static JsonStoreItem From(JObject json, string etag) =>
            new() { Properties = json.Properties().ToDictionary(p => p.Name, p => p.Value), ETag = etag };
    }
}
