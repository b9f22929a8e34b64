using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.Tests.Automations;

/// <summary>
/// A person talking to the assistant through Bot Framework's TestAdapter with the customer middleware in front (as
/// the host registers it); activities carry the fake clock's time. Each send returns that turn's replies.
/// </summary>
public sealed class AssistantChat
{
    private readonly AssistantHarness _harness;
    private readonly string? _locale;

    public AssistantChat(AssistantHarness harness, string channelId, string conversationId, string userId, string? locale)
    {
        _harness = harness;
        _locale = locale;
        Adapter = new TestAdapter(new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = "https://test.invalid",
            User = new ChannelAccount(userId, "Shopper"),
            Bot = new ChannelAccount("giftbot", "GiftBot"),
            Conversation = new ConversationAccount(false, "personal", conversationId),
            Locale = locale,
        });
        Adapter.Use(harness.CustomerMiddleware);
    }

    public TestAdapter Adapter { get; }

    /// <summary>Sets the person's display name and time zone as Web Chat would send them.</summary>
    public string? DisplayName { get; set; } = "Shopper";
    public string? TimeZone { get; set; }

    public Task<IReadOnlyList<Activity>> SendAsync(string text) => SendAsync(Adapter.MakeActivity(text));

    public Task<IReadOnlyList<Activity>> JoinAsync()
    {
        var activity = Adapter.MakeActivity();
        activity.Type = ActivityTypes.ConversationUpdate;
        activity.Text = null;
        activity.MembersAdded = [activity.From, activity.Recipient];
        return SendAsync(activity);
    }

    /// <summary>A channel event, e.g. Messenger's pass_thread_control with Meta's object as Value.</summary>
    public Task<IReadOnlyList<Activity>> SendEventAsync(string name, JObject value)
    {
        var activity = Adapter.MakeActivity();
        activity.Type = ActivityTypes.Event;
        activity.Text = null;
        activity.Name = name;
        activity.Value = value;
        return SendAsync(activity);
    }

    public async Task<IReadOnlyList<Activity>> SendAsync(Activity activity)
    {
        activity.Timestamp = _harness.Clock.GetUtcNow();
        activity.From.Name = DisplayName;
        activity.LocalTimezone = TimeZone;
        activity.Locale = _locale; // null like Messenger's direct channel, which has no locale on activities
        await Adapter.ProcessActivityAsync(activity, _harness.Bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<Activity>();
        while (Adapter.ActiveQueue.Count > 0) replies.Add(Adapter.ActiveQueue.Dequeue());
        return replies;
    }
}
