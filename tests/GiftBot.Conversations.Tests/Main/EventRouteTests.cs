using GiftBot.Conversations.Text;
using GiftBot.Conversations.Events;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Dialogs;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.Tests.Main;

[Collection(ConversationCollection.Name)]
public sealed class EventRouteTests(ConversationFixture fixture)
{
    /// <summary>What the entry-preset feature will do with an m.me link's ref: start the gift finder for that recipient.</summary>
    // Not "referral": the shipped entry-point route owns that event; this proves the extension point itself.
    private const string TestEventName = "test_recipient_link";

    private sealed class RecipientReferralRoute : IEventActivityRoute
    {
        public string EventName => TestEventName;

        public async Task<DialogTurnResult?> RouteAsync(DialogContext mainDc, IEventActivity activity, CancellationToken cancellationToken)
        {
            var recipient = JObject.FromObject(activity.Value!).Value<string>("ref");
            await mainDc.CancelAllDialogsAsync(cancellationToken);
            return await mainDc.BeginDialogAsync(nameof(GiftFinderDialog), GiftFinderStart.New(new GiftBot.Language.ShopperUnderstanding { Recipient = recipient }), cancellationToken);
        }
    }

    private static Activity Referral(ChatSession chat, string reference)
    {
        var referral = chat.Adapter.MakeActivity();
        referral.Type = ActivityTypes.Event;
        referral.Name = TestEventName;
        referral.Text = null;
        referral.Value = new JObject { ["ref"] = reference, ["source"] = "SHORTLINK", ["type"] = "OPEN_THREAD" };
        return referral;
    }

    [Fact]
    public async Task ARegisteredRouteHandlesTheEvent_AndGetStartedRightAfterDoesNotRestartIt()
    {
        var bot = new BotHarness(fixture, extend: services => services.AddSingleton<IEventActivityRoute, RecipientReferralRoute>());
        var chat = bot.Chat(channelId: "facebook");

        var replies = await chat.SendAsync(Referral(chat, "niece"));
        Assert.Equal(bot.Text(GiftFinderText.AskAge, "recipient", "your niece"), replies.Last().Text);

        replies = await chat.SendAsync("GET_STARTED");
        Assert.Equal([bot.Text(CommonText.Welcome), bot.Text(GiftFinderText.AskAge, "recipient", "your niece")], replies.Texts());
    }

    [Fact]
    public async Task ARouteCanTakeOverWhileADialogIsWaiting()
    {
        var bot = new BotHarness(fixture, extend: services => services.AddSingleton<IEventActivityRoute, RecipientReferralRoute>());
        var chat = bot.Chat(channelId: "facebook");
        await chat.SendAsync("my 8 year old nephew");

        var replies = await chat.SendAsync(Referral(chat, "partner"));
        Assert.Equal(bot.Text(GiftFinderText.AskAge, "recipient", "your partner"), replies.Last().Text);
    }
}
