using GiftBot.Messenger.Adapter;
using GiftBot.Messenger.Handover;
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
/// Handles one stored Messenger event: keeps the person's customer card (attribution, last seen, thread owner) and runs the
/// event's turns through the bot in order. Standby events, echoes, reads and deliveries update the record only.
/// </summary>
public sealed class FacebookInboxProcessor(
    FacebookAdapter adapter,
    IUnitOfWorkCommitter committer,
    IReplyOutbox outbox,
    MessengerCustomers customers,
    MessengerHandover handover,
    TimeProvider time,
    IServiceScopeFactory scopes,
    IOptionsMonitor<FacebookOptions> options,
    ILogger<FacebookInboxProcessor> logger)
{
    /// <summary>
    /// Handles the item as ONE unit of work: its card updates, every turn's state, funnel events and jobs, and the item's
    /// completion are committed together at the end. Reply parts are guarded by the reply outbox under the item's dedup key,
    /// so a retry or a replay after a crash skips what already went out. Throws (nothing committed) when handling failed.
    /// </summary>
    public async Task HandleAsync(InboxItem item, CancellationToken cancellationToken)
    {
        await using var work = UnitOfWork.Begin(committer);
        work.Unit.Replies = new ReplyOutboxScope(item.DedupKey, await outbox.ListSentAsync(item.DedupKey, cancellationToken));
        await ProcessAsync(item, cancellationToken);
        work.Unit.CompleteInboxItem(item.Id);
        work.Unit.ClearReplyOutbox(item.DedupKey);
        await work.CommitAsync(cancellationToken);
    }

    public async Task ProcessAsync(InboxItem item, CancellationToken cancellationToken)
    {
        var envelope = InboxEnvelope.Deserialize(item.Payload);
        var raw = envelope.Event;
        var kind = MessengerEventClassifier.Classify(raw);
        var psid = MessengerEventClassifier.UserId(raw, kind) ?? "";
        var at = DateTimeOffset.FromUnixTimeMilliseconds(raw.Value<long?>("timestamp") ?? 0);

        var standby = envelope.Standby;
        if (standby && kind is MessengerEventKind.Message or MessengerEventKind.Postback
            && options.CurrentValue.HandoverIdleTimeout is { } idle && await customers.IsHumanIdleAsync(psid, time.GetUtcNow(), idle, cancellationToken))
        {
            // Nobody answered in the Page inbox for the idle timeout: take the thread back and answer this message.
            await handover.TakeThreadControlAsync(psid, "idle timeout", cancellationToken);
            standby = false;
        }

        if (standby)
        {
            if (kind == MessengerEventKind.Echo) await customers.RecordAgentEchoAsync(psid, cancellationToken);
            // Another app owns the thread (e.g. a person in the Page inbox): note it, stay quiet.
            if (kind is MessengerEventKind.Message or MessengerEventKind.Postback or MessengerEventKind.Read)
                await customers.RecordStandbyAsync(psid, at, isUserMessage: kind != MessengerEventKind.Read, cancellationToken);
            logger.LogDebug("Facebook standby {Kind} recorded for a thread owned by another app", kind);
            return;
        }

        switch (kind)
        {
            case MessengerEventKind.Echo or MessengerEventKind.Delivery:
                return;
            case MessengerEventKind.Read:
                await customers.RecordSeenAsync(psid, at, cancellationToken);
                return;
            case MessengerEventKind.Unknown:
                logger.LogWarning("Facebook event {ItemId} of an unknown kind acknowledged and skipped", item.Id);
                return;
        }

        await RecordAsync(psid, raw, kind, at, cancellationToken);
        var activities = FacebookActivityFactory.Create(envelope.PageId, raw, kind, options.CurrentValue.GraphApiRoot);
        if (activities.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var bot = scope.ServiceProvider.GetRequiredService<IBot>();
        foreach (var activity in activities)
            await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, cancellationToken);
    }

    // Last interaction and the recent messages are written by CustomerActivityMiddleware when the turn runs.
    private async Task RecordAsync(string psid, JObject raw, MessengerEventKind kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var referral = raw["referral"] as JObject ?? raw["postback"]?["referral"] as JObject ?? raw["message"]?["referral"] as JObject;
        if (referral is not null)
        {
            await customers.RecordEntryAsync(psid, referral, at, cancellationToken);
            logger.LogInformation("Facebook entry from {Source} (ref {Ref}, ad {AdId})", referral.Value<string>("source"), referral.Value<string>("ref"), referral["ad_id"]?.ToString());
        }
        if (kind == MessengerEventKind.Handover)
            await customers.ApplyThreadControlAsync(psid, raw, cancellationToken);
        else if (kind is MessengerEventKind.Message or MessengerEventKind.Postback)
            await customers.ConfirmBotOwnsAsync(psid, cancellationToken);
    }
}
