using GiftBot.Messenger.Adapter;
using GiftBot.Messenger.Handover;
using GiftBot.Messenger.Inbound;
using GiftBot.Messenger.Users;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Messenger.Inbox;

/// <summary>
/// Handles one stored Messenger event: keeps the person's customer card (attribution, last seen, thread owner) and runs the
/// event's turns through the bot in order. Standby events, echoes, reads and deliveries update the record only.
/// The event was checked at intake and is read back typed; one that still cannot be read is unprocessable (parked at once).
/// </summary>
public sealed class FacebookInboxProcessor(
    FacebookAdapter adapter,
    MessengerCustomers customers,
    MessengerHandover handover,
    TimeProvider time,
    IServiceScopeFactory scopes,
    IOptionsMonitor<FacebookOptions> options,
    ILogger<FacebookInboxProcessor> logger)
{
    public async Task ProcessAsync(InboxItem item, CancellationToken cancellationToken)
    {
        var messengerEvent = InboxEventPayload.Deserialize(item.Payload);
        var (kind, psid, at) = (messengerEvent.Kind, messengerEvent.UserId, messengerEvent.OccurredAt);

        var standby = messengerEvent.Standby;
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

        IReadOnlyList<Microsoft.Bot.Schema.Activity> activities;
        try
        {
            await RecordAsync(messengerEvent, cancellationToken);
            activities = FacebookActivityFactory.Create(messengerEvent, options.CurrentValue.GraphApiRoot);
        }
        catch (ArgumentException ex)
        {
            // An id or value the customer store or Bot Framework refuses: the same event fails the same way every time.
            throw new UnprocessableInboxItemException($"The Messenger {kind} event cannot be processed: {ex.GetType().Name} ({ex.ParamName})", ex);
        }
        if (activities.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var bot = scope.ServiceProvider.GetRequiredService<IBot>();
        foreach (var activity in activities)
            await adapter.ProcessActivityAsync(activity, (turnContext, ct) =>
            {
                InboxTurns.Mark(turnContext); // a passing failure is left to the inbox's retry
                return bot.OnTurnAsync(turnContext, ct);
            }, cancellationToken);
    }

    // Last interaction and the recent messages are written by CustomerActivityMiddleware when the turn runs.
    private async Task RecordAsync(MessengerEvent messengerEvent, CancellationToken cancellationToken)
    {
        var psid = messengerEvent.UserId;
        if (messengerEvent.AnyReferral is { } referral)
        {
            await customers.RecordEntryAsync(psid, referral, messengerEvent.OccurredAt, cancellationToken);
            logger.LogInformation("Facebook entry from {Source} (ref {Ref}, ad {AdId})", referral.Source, referral.Ref, referral.AdId);
        }
        if (messengerEvent.ThreadControl is { } control)
            await customers.ApplyThreadControlAsync(psid, control, cancellationToken);
        else if (messengerEvent.Kind is MessengerEventKind.Message or MessengerEventKind.Postback)
            await customers.ConfirmBotOwnsAsync(psid, cancellationToken);
    }
}
