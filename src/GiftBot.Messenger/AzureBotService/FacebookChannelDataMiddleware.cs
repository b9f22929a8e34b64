using Microsoft.Bot.Connector;
using System.Security.Claims;
using System.Security.Principal;
using GiftBot.Messenger.Adapter;
using GiftBot.Messenger.Inbound;
using GiftBot.Messenger.Users;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.AzureBotService;

/// <summary>
/// Makes Azure Bot Service's Facebook channel (activities on /api/messages with channelId "facebook") look exactly like
/// the direct adapter to the dialogs. Register it FIRST on the CloudAdapter (adapter.Use(...)).
/// Inbound, from the raw Messenger event ABS puts in ChannelData: quick-reply and postback payloads become Text; a
/// referral (channelData.postback.referral, channelData.message.referral, channelData.referral) becomes an event turn
/// named "referral" run BEFORE the message, as a turn of its own through the adapter; optins and handover become events;
/// echoes, reads and deliveries make no turn. Outbound, replies are reshaped by <see cref="AzureFacebookReplyShaper"/>.
/// Assumptions (Meta/ABS docs do not confirm them, see shared/reference/messenger-platform.md §9-10):
/// - ChannelData holds the raw Messenger "messaging" item (sender, recipient, timestamp, message|postback|referral|...);
/// - ABS puts the quick-reply title (not the payload) in Text, and may surface messaging_referrals as a message or an event;
/// - ABS passes channelData.attachment (documented) and channelData.quick_replies (not documented) through to the Send API;
/// - standby and handover events are probably not forwarded by ABS at all; they are handled here in case they are.
/// </summary>
public sealed class FacebookChannelDataMiddleware(MessengerCustomers customers, AzureFacebookReplyShaper replies, ILogger<FacebookChannelDataMiddleware> logger) : IMiddleware
{
    /// <summary>Marks activities already normalised, so a split-off turn passes through this middleware unchanged.</summary>
    public const string NormalizedProperty = "giftbotMessengerNormalized";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.ChannelId != Channels.Facebook || turnContext.Adapter is FacebookAdapter)
        {
            await next(cancellationToken);
            return;
        }
        turnContext.OnSendActivities((context, outgoing, sendNext) => replies.ShapeAsync(outgoing, sendNext));
        var raw = RawEvent(activity);
        if (raw is null || activity.Properties?[NormalizedProperty] is not null)
        {
            await next(cancellationToken);
            return;
        }

        var kind = MessengerEventClassifier.Classify(raw);
        var psid = activity.From?.Id ?? MessengerEventClassifier.UserId(raw, kind) ?? "";
        var at = activity.Timestamp ?? DateTimeOffset.UtcNow;
        switch (kind)
        {
            case MessengerEventKind.Unknown:
                await next(cancellationToken);
                return;
            case MessengerEventKind.Echo or MessengerEventKind.Delivery:
                return;
            case MessengerEventKind.Read:
                await customers.RecordSeenAsync(psid, at, cancellationToken);
                return;
        }
        // The interaction itself is recorded by CustomerActivityMiddleware; the entry source is Messenger-specific (shares).
        if (ReferralOf(raw) is { } referral) await customers.RecordEntryAsync(psid, referral, at, cancellationToken);

        var turns = MessengerTurnPlanner.Plan(raw, kind);
        if (turns.Count == 0) return;
        foreach (var earlier in turns.SkipLast(1))
            await RunOwnTurnAsync(turnContext, earlier, cancellationToken);
        Apply(turns[^1], activity);
        await next(cancellationToken);
    }

    private async Task RunOwnTurnAsync(ITurnContext turnContext, Activity planned, CancellationToken cancellationToken)
    {
        var callback = turnContext.TurnState.Get<BotCallbackHandler>();
        if (callback is null)
        {
            logger.LogWarning("Facebook {EventName} event could not run as its own turn: the adapter keeps no bot callback", planned.Name);
            return;
        }
        var identity = turnContext.TurnState.Get<IIdentity>(BotAdapter.BotIdentityKey) as ClaimsIdentity ?? new ClaimsIdentity();
        var own = JObject.FromObject(turnContext.Activity).ToObject<Activity>()!;
        Apply(planned, own);
        own.Attachments = planned.Attachments;
        await turnContext.Adapter.ContinueConversationAsync(identity, own, callback, cancellationToken);
    }

    private static void Apply(Activity planned, Activity target)
    {
        target.Type = planned.Type;
        target.Name = planned.Name;
        target.Value = planned.Value;
        target.Text = planned.Text;
        target.ReactionsAdded = planned.ReactionsAdded;
        target.ReactionsRemoved = planned.ReactionsRemoved;
        if (target.Attachments is not { Count: > 0 }) target.Attachments = planned.Attachments;
        target.Properties ??= [];
        target.Properties[NormalizedProperty] = true;
    }

    private static JObject? RawEvent(Activity activity)
    {
        object? data = activity.ChannelData;
        return data switch
        {
            null => null,
            JObject json => json,
            string text when text.TrimStart().StartsWith('{') => TryParse(text),
            _ => JToken.FromObject(data) as JObject,
        };
    }

    private static JObject? TryParse(string text)
    {
        try { return Webhook.MessengerJson.Parse(text); }
        catch (Newtonsoft.Json.JsonException) { return null; }
    }

    private static JObject? ReferralOf(JObject raw) =>
        raw["referral"] as JObject ?? raw["postback"]?["referral"] as JObject ?? raw["message"]?["referral"] as JObject;
}
