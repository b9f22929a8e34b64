using GiftBot.Conversations.State;
using GiftBot.Conversations.Events;
using GiftBot.Customers.Context;
using GiftBot.Customers.Handover;
using GiftBot.Dialogs;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.Handover;

/// <summary>
/// Messenger's handover events (delivered as event activities named pass_thread_control / take_thread_control with
/// Meta's object as Value). Control coming back to this app: the bot says it is back and asks its pending question
/// again, the dialog stack being where it was. Control going to another app (an agent took the thread): the bot goes quiet.
/// </summary>
public sealed class ThreadControlRoute : IEventActivityRoute
{
    public const string PassThreadControl = "pass_thread_control";
    public const string TakeThreadControl = "take_thread_control";
    /// <summary>Another app asks for the thread: recorded by the channel layer; the bot keeps it until it is passed.</summary>
    public const string RequestThreadControl = "request_thread_control";

    private readonly HumanHandover _handover;
    private readonly IHandoverState _state;
    private readonly AssistantAccessors _accessors;
    private readonly IOptionsMonitor<HandoverOptions> _options;
    private readonly ILogger<ThreadControlRoute> _logger;

    public ThreadControlRoute(string eventName, HumanHandover handover, IHandoverState state, AssistantAccessors accessors,
        IOptionsMonitor<HandoverOptions> options, ILogger<ThreadControlRoute> logger)
    {
        EventName = eventName;
        (_handover, _state, _accessors, _options, _logger) = (handover, state, accessors, options, logger);
    }

    public string EventName { get; }

    public async Task<DialogTurnResult?> RouteAsync(DialogContext mainDc, IEventActivity activity, CancellationToken cancellationToken)
    {
        var turn = mainDc.Context;
        var newOwner = NewOwnerOf(activity.Value);
        var ourApp = _options.CurrentValue.AppId;
        var backToBot = ourApp is not null && newOwner is not null ? newOwner == ourApp : EventName == PassThreadControl;
        if (!backToBot)
        {
            _logger.LogInformation("Thread taken by app {OwnerAppId} on channel {ChannelId} ({EventName}); the bot stays quiet", newOwner ?? "unknown", turn.Activity.ChannelId, EventName);
            await _handover.PeopleHaveThreadAsync(turn, HandoverStatus.HumanOwns, newOwner, cancellationToken);
            return null;
        }

        if (!await PeopleHadThreadAsync(mainDc, cancellationToken))
        {
            _logger.LogDebug("{EventName} to the bot, which already had the thread; nothing to resume", EventName);
            return null;
        }
        if (await _handover.ResumeAfterEventAsync(turn, cancellationToken) && mainDc.ActiveDialog is not null)
            await mainDc.RepromptDialogAsync(cancellationToken);
        return null;
    }

    private async Task<bool> PeopleHadThreadAsync(DialogContext mainDc, CancellationToken cancellationToken)
    {
        if ((await _accessors.GetUserDataAsync(mainDc.Context, cancellationToken)).PeopleHaveThread) return true;
        var activity = mainDc.Context.Activity;
        if (!CustomerKey.IsValidId(activity.ChannelId) || !CustomerKey.IsValidId(activity.From?.Id)) return false;
        return (await _state.GetAsync(activity.ChannelId, activity.From!.Id, cancellationToken)).BotMustStaySilent;
    }

    // Value is Meta's thread-control object: {"previous_owner_app_id": ..., "new_owner_app_id": ..., "metadata": ...}.
    private static string? NewOwnerOf(object? value)
    {
        var json = value switch
        {
            null => null,
            JObject obj => obj,
            string text => TryParse(text),
            _ => JToken.FromObject(value) as JObject,
        };
        var owner = json?["new_owner_app_id"];
        return owner is null || owner.Type == JTokenType.Null ? null : owner.ToString();
    }

    private static JObject? TryParse(string text)
    {
        try { return JToken.Parse(text) as JObject; }
        catch (Newtonsoft.Json.JsonException) { return null; }
    }
}
