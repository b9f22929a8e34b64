using GiftBot.Messenger.Adapter;
using GiftBot.Messenger.Inbound;
using GiftBot.Messenger.Users;
using GiftBot.Messenger.Webhook;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Inbox;

/// <summary>
/// Handles one stored Messenger event: keeps the user's record (attribution, last seen, thread owner) and runs the
/// event's turns through the bot in order. Standby events, echoes, reads and deliveries update the record only.
/// </summary>
public sealed class FacebookInboxProcessor(
    FacebookAdapter adapter,
    MessengerUserStore users,
    IServiceScopeFactory scopes,
    IOptionsMonitor<FacebookOptions> options,
    ILogger<FacebookInboxProcessor> logger)
{
    public async Task ProcessAsync(InboxItem item, CancellationToken cancellationToken)
    {
        var envelope = InboxEnvelope.Deserialize(item.Payload);
        var raw = envelope.Event;
        var kind = MessengerEventClassifier.Classify(raw);
        var psid = MessengerEventClassifier.UserId(raw, kind) ?? "";
        var at = DateTimeOffset.FromUnixTimeMilliseconds(raw.Value<long?>("timestamp") ?? 0);

        if (envelope.Standby)
        {
            // Another app owns the thread (e.g. a person in the Page inbox): note it, stay quiet.
            await users.UpdateAsync(envelope.PageId, psid, r =>
            {
                r.ThreadOwnedByOtherApp = true;
                if (kind is MessengerEventKind.Message or MessengerEventKind.Postback or MessengerEventKind.Read) r.LastSeen = MessengerUserStore.Latest(r.LastSeen, at);
            }, cancellationToken);
            logger.LogDebug("Facebook standby {Kind} recorded for a thread owned by another app", kind);
            return;
        }

        switch (kind)
        {
            case MessengerEventKind.Echo or MessengerEventKind.Delivery:
                return;
            case MessengerEventKind.Read:
                var watermark = DateTimeOffset.FromUnixTimeMilliseconds(raw["read"]?.Value<long?>("watermark") ?? 0);
                await users.UpdateAsync(envelope.PageId, psid, r =>
                {
                    r.LastSeen = MessengerUserStore.Latest(r.LastSeen, at);
                    r.ReadUpTo = MessengerUserStore.Latest(r.ReadUpTo, watermark);
                }, cancellationToken);
                return;
            case MessengerEventKind.Unknown:
                logger.LogWarning("Facebook event {ItemId} of an unknown kind acknowledged and skipped", item.Id);
                return;
        }

        await RecordAsync(envelope.PageId, psid, raw, kind, at, cancellationToken);
        var activities = FacebookActivityFactory.Create(envelope.PageId, raw, kind, options.CurrentValue.GraphApiRoot);
        if (activities.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var bot = scope.ServiceProvider.GetRequiredService<IBot>();
        foreach (var activity in activities)
            await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, cancellationToken);
    }

    private async Task RecordAsync(string pageId, string psid, JObject raw, MessengerEventKind kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var referral = raw["referral"] as JObject ?? raw["postback"]?["referral"] as JObject ?? raw["message"]?["referral"] as JObject;
        if (referral is not null)
        {
            await users.RecordEntryAsync(pageId, psid, referral, at, cancellationToken);
            logger.LogInformation("Facebook entry from {Source} (ref {Ref}, ad {AdId})", referral.Value<string>("source"), referral.Value<string>("ref"), referral["ad_id"]?.ToString());
        }
        var ownerChange = ThreadOwnerChange(raw, options.CurrentValue.AppId);
        await users.UpdateAsync(pageId, psid, r =>
        {
            if (kind != MessengerEventKind.Handover) r.LastSeen = MessengerUserStore.Latest(r.LastSeen, at);
            if (ownerChange is { } ownedByOther)
            {
                r.ThreadOwnedByOtherApp = ownedByOther;
                r.ThreadOwnerChangedAt = at;
            }
            else if (kind is MessengerEventKind.Message or MessengerEventKind.Postback)
            {
                // A user event on the primary channel means this app owns the thread.
                r.ThreadOwnedByOtherApp = false;
            }
        }, cancellationToken);
    }

    /// <summary>True when control moved to another app, false when it came to this app, null when unchanged or unknown.</summary>
    internal static bool? ThreadOwnerChange(JObject raw, string? appId)
    {
        var control = raw["pass_thread_control"] ?? raw["take_thread_control"];
        var newOwner = control?["new_owner_app_id"]?.ToString();
        if (string.IsNullOrEmpty(newOwner)) return null;
        if (string.IsNullOrEmpty(appId)) return raw["pass_thread_control"] is null;
        return newOwner != appId;
    }
}
