using Microsoft.Bot.Connector;
using System.Security.Claims;
using System.Security.Principal;
using GiftBot.Customers.Context;
using GiftBot.Messenger.Adapter;
using GiftBot.Messenger.Inbound;
using GiftBot.Messenger.Users;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using System.Text;
using GiftBot.Messenger.Webhook;
using Newtonsoft.Json;
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
        var messengerEvent = activity.Properties?[NormalizedProperty] is null ? ReadEvent(activity) : null;
        if (messengerEvent is null)
        {
            await next(cancellationToken);
            return;
        }

        var kind = messengerEvent.Kind;
        var psid = activity.From?.Id is { } from && CustomerKey.IsValidId(from) ? from : messengerEvent.UserId;
        var at = activity.Timestamp ?? DateTimeOffset.UtcNow;
        switch (kind)
        {
            case MessengerEventKind.Echo or MessengerEventKind.Delivery:
                return;
            case MessengerEventKind.Read:
                await customers.RecordSeenAsync(psid, at, cancellationToken);
                return;
        }
        // The interaction itself is recorded by CustomerActivityMiddleware; the entry source is Messenger-specific (shares).
        if (messengerEvent.AnyReferral is { } referral) await customers.RecordEntryAsync(psid, referral, at, cancellationToken);

        var turns = MessengerTurnPlanner.Plan(messengerEvent);
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

    // The raw Messenger item ABS puts in ChannelData, read by the same checks as the direct webhook. One that cannot be
    // read (or is of a kind the bot does not plan) passes through as the activity ABS made.
    private MessengerEvent? ReadEvent(Activity activity)
    {
        var json = activity.ChannelData switch
        {
            null => null,
            JObject raw => raw.ToString(Formatting.None),
            string text when text.TrimStart().StartsWith('{') => text,
            var other => JToken.FromObject(other) is JObject converted ? converted.ToString(Formatting.None) : null,
        };
        if (json is null) return null;
        try
        {
            using var document = StrictJson.Parse(Encoding.UTF8.GetBytes(json));
            var reading = MessengerEventReader.Read(document.RootElement, activity.Recipient?.Id ?? "", standby: false);
            if (reading.Rejection is { } reason) logger.LogWarning("Azure Facebook channel data not read: {Reason}", reason);
            return reading.Event;
        }
        catch (System.Text.Json.JsonException ex)
        {
            logger.LogWarning("Azure Facebook channel data not read: {Reason}", StrictJson.Describe(ex));
            return null;
        }
    }
}
