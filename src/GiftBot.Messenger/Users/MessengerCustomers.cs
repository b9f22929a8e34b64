using Microsoft.Bot.Connector;
using GiftBot.Content.EntryPoints;
using GiftBot.Customers.Context;
using GiftBot.Customers.Handover;
using GiftBot.Messenger.Inbound;
using Microsoft.Extensions.Options;

namespace GiftBot.Messenger.Users;

/// <summary>
/// Writes what Messenger events tell about a person into the one customer context card (GiftBot.Customers, channel
/// "facebook"): entries from referrals, last seen from reads, interactions that arrive on standby while people own the
/// thread, and who owns the thread. Turns themselves are recorded by CustomerActivityMiddleware on the adapter.
/// </summary>
public sealed class MessengerCustomers(ICustomerContextStore store, IHandoverState handover, IOptionsMonitor<FacebookOptions> options)
{
    /// <summary>A share link (m.me/Page?ref=share-CODE) counts as source "SHARE"; its ref keeps the sharer's code.</summary>
    public Task RecordEntryAsync(string psid, MessengerReferral referral, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var entry = new EntrySource
        {
            Source = ShareRef.TryParse(referral.Ref, out _) ? "SHARE" : referral.Source ?? "UNKNOWN",
            Ref = referral.Ref,
            AdId = referral.AdId,
            AdTitle = referral.AdTitle,
            At = at,
        };
        return store.RecordEntryAsync(Channels.Facebook, psid, entry, cancellationToken);
    }

    public Task RecordSeenAsync(string psid, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.UpdateAsync(Channels.Facebook, psid, c => c.RecordSeen(at), createIfMissing: true, cancellationToken);

    /// <summary>
    /// A message or postback that reached us on standby: people own the thread, but the person did write, which keeps
    /// Meta's 24-hour and 7-day (HUMAN_AGENT) windows open for the agents' replies.
    /// </summary>
    public async Task RecordStandbyAsync(string psid, DateTimeOffset at, bool isUserMessage, CancellationToken cancellationToken)
    {
        await store.UpdateAsync(Channels.Facebook, psid, c => isUserMessage ? c.RecordInteraction(at, isUserMessage: true) : c.RecordSeen(at),
            createIfMissing: true, cancellationToken);
        var current = await handover.GetAsync(Channels.Facebook, psid, cancellationToken);
        if (current.Status == HandoverStatus.BotOwns)
            await handover.SetAsync(Channels.Facebook, psid, HandoverStatus.HumanOwns, ownerAppId: null, agentId: null, cancellationToken);
    }

    /// <summary>An echo on standby is a person answering in the Page inbox: restarts the idle clock.</summary>
    public Task RecordAgentEchoAsync(string psid, CancellationToken cancellationToken) =>
        handover.RecordAgentActivityAsync(Channels.Facebook, psid, cancellationToken);

    /// <summary>People have the thread but nobody acted for <paramref name="timeout"/>: the bot may take it back.</summary>
    public async Task<bool> IsHumanIdleAsync(string psid, DateTimeOffset now, TimeSpan timeout, CancellationToken cancellationToken) =>
        (await handover.GetAsync(Channels.Facebook, psid, cancellationToken)).IsHumanIdle(now, timeout);

    /// <summary>
    /// Applies a pass_thread_control / take_thread_control webhook event: the bot owns the thread when the new owner is
    /// this app, people own it otherwise. Returns false when the event names no new owner.
    /// </summary>
    public async Task<bool> ApplyThreadControlAsync(string psid, MessengerThreadControl control, CancellationToken cancellationToken)
    {
        var passed = control.Field == "pass_thread_control";
        if (!passed && control.Field != "take_thread_control") return false;
        var newOwner = control.NewOwnerAppId;
        if (string.IsNullOrEmpty(newOwner)) return false;
        var appId = options.CurrentValue.AppId;
        // Without a configured app id, a pass is addressed to us (only the new owner receives it), a take takes it from us.
        var botOwns = string.IsNullOrEmpty(appId) ? passed : newOwner == appId;
        await handover.SetAsync(Channels.Facebook, psid, botOwns ? HandoverStatus.BotOwns : HandoverStatus.HumanOwns, newOwner, agentId: null, cancellationToken);
        return true;
    }

    /// <summary>
    /// A message on the primary channel means Meta gives this app the thread: a recorded hand-over to another app (say the
    /// Page inbox passed it back without a webhook we saw) is over. "Waiting for an agent" set by people is left alone.
    /// </summary>
    public async Task ConfirmBotOwnsAsync(string psid, CancellationToken cancellationToken)
    {
        var current = await handover.GetAsync(Channels.Facebook, psid, cancellationToken);
        if (current.Status == HandoverStatus.HumanOwns && current.OwnerAppId is { Length: > 0 } owner && owner != options.CurrentValue.AppId)
            await handover.SetAsync(Channels.Facebook, psid, HandoverStatus.BotOwns, options.CurrentValue.AppId, agentId: null, cancellationToken);
    }

    /// <summary>After this app called pass_thread_control (to <paramref name="targetAppId"/>) or take_thread_control.</summary>
    public Task RecordOwnThreadControlAsync(string psid, bool passed, string? targetAppId, CancellationToken cancellationToken) =>
        handover.SetAsync(Channels.Facebook, psid, passed ? HandoverStatus.HumanOwns : HandoverStatus.BotOwns,
            passed ? targetAppId : options.CurrentValue.AppId, agentId: null, cancellationToken);
}
