using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Tests.Infrastructure;

/// <summary>A shopper talking to the bot through Bot Framework's TestAdapter; each send returns that turn's replies.</summary>
public sealed class ChatSession
{
    private readonly BotHarness _harness;

    public ChatSession(BotHarness harness, string channelId, string conversationId, string userId)
    {
        _harness = harness;
        Adapter = new TestAdapter(new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = "https://test.invalid",
            User = new ChannelAccount(userId, "Shopper"),
            Bot = new ChannelAccount("giftbot", "GiftBot"),
            Conversation = new ConversationAccount(false, "personal", conversationId),
            Locale = "en-US",
        });
    }

    public TestAdapter Adapter { get; }

    /// <summary>Bot Framework's TestFlow over this session's adapter and bot, for table-like exchanges.</summary>
    public TestFlow Flow() => new(Adapter, _harness.Bot);

    public Task<IReadOnlyList<Activity>> SendAsync(string text) => SendAsync(Adapter.MakeActivity(text));

    public async Task<IReadOnlyList<Activity>> SendAsync(Activity activity)
    {
        var bot = _harness.Bot;
        await Adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<Activity>();
        while (Adapter.ActiveQueue.Count > 0) replies.Add(Adapter.ActiveQueue.Dequeue());
        return replies;
    }

    /// <summary>The shopper opens the conversation (Emulator / Web Chat conversationUpdate).</summary>
    public Task<IReadOnlyList<Activity>> JoinAsync()
    {
        var activity = Adapter.MakeActivity();
        activity.Type = ActivityTypes.ConversationUpdate;
        activity.Text = null;
        activity.MembersAdded = [activity.From, activity.Recipient];
        return SendAsync(activity);
    }

    public Task<IReadOnlyList<Activity>> SendImageAsync() => SendAttachmentAsync("image/png", "https://test.invalid/cat.png");

    /// <summary>A message with one attachment and no words (a voice note, a video, a location...).</summary>
    public Task<IReadOnlyList<Activity>> SendAttachmentAsync(string contentType, string? url)
    {
        var activity = Adapter.MakeActivity();
        activity.Text = null;
        activity.Attachments = [new Attachment(contentType, url, name: url is null ? null : Path.GetFileName(url))];
        return SendAsync(activity);
    }
}
