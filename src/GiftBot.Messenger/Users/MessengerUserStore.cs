using GiftBot.Content.EntryPoints;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Users;

/// <summary>Read access to per-user Messenger facts (attribution, last seen, thread owner) for conversations and the agent API.</summary>
public interface IMessengerUsers
{
    Task<MessengerUserRecord?> GetAsync(string pageId, string psid, CancellationToken cancellationToken = default);
}

/// <summary>
/// Keeps <see cref="MessengerUserRecord"/>s in the bot's IStorage under "messenger/users/{pageId}/{psid}" as plain JSON.
/// Writes for one user are serialised by the inbox (one event per user at a time), so last-writer-wins is safe here.
/// </summary>
public sealed class MessengerUserStore(IStorage storage) : IMessengerUsers
{
    public static string Key(string pageId, string psid) => $"messenger/users/{pageId}/{psid}";

    public async Task<MessengerUserRecord?> GetAsync(string pageId, string psid, CancellationToken cancellationToken = default)
    {
        var key = Key(pageId, psid);
        var items = await storage.ReadAsync([key], cancellationToken);
        // Stores differ in what they hand back (the typed object, a JObject): convert, never cast.
        return items.TryGetValue(key, out var value) && value is not null ? JObject.FromObject(value).ToObject<MessengerUserRecord>() : null;
    }

    public async Task UpdateAsync(string pageId, string psid, Action<MessengerUserRecord> change, CancellationToken cancellationToken = default)
    {
        var record = await GetAsync(pageId, psid, cancellationToken) ?? new MessengerUserRecord();
        change(record);
        await storage.WriteAsync(new Dictionary<string, object> { [Key(pageId, psid)] = JObject.FromObject(record) }, cancellationToken);
    }

    public Task RecordSeenAsync(string pageId, string psid, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        UpdateAsync(pageId, psid, r => r.LastSeen = Latest(r.LastSeen, at), cancellationToken);

    /// <summary>Records a Meta referral object as the latest entry (and the first, if none yet).</summary>
    public Task RecordEntryAsync(string pageId, string psid, JObject referral, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var entry = ToEntrySource(referral, at);
        return UpdateAsync(pageId, psid, r =>
        {
            r.FirstEntry ??= entry;
            r.LatestEntry = entry;
            r.EntryCount++;
            r.LastSeen = Latest(r.LastSeen, at);
        }, cancellationToken);
    }

    public static EntrySource ToEntrySource(JObject referral, DateTimeOffset at)
    {
        var reference = referral.Value<string>("ref");
        var context = referral["ads_context_data"] as JObject;
        var sharedBy = ShareRef.TryParse(reference, out var sharer) ? sharer : null;
        return new EntrySource(
            sharedBy is not null ? "SHARE" : referral.Value<string>("source") ?? "UNKNOWN",
            reference,
            referral["ad_id"]?.ToString(),
            context?.Value<string>("ad_title"),
            context?["product_id"]?.ToString(),
            sharedBy,
            at);
    }

    internal static DateTimeOffset Latest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } c && c > candidate ? c : candidate;
}
