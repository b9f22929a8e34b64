using GiftBot.Conversations.Text;
using GiftBot.Content;
using GiftBot.Conversations.EntryPoints;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.Tests.EntryPoints;

/// <summary>m.me refs, click-to-Messenger ads, PRESET taps and share links, as the Messenger layer delivers them (a "referral" event, then maybe Get Started).</summary>
[Collection(ConversationCollection.Name)]
public sealed class EntryPointTests(ConversationFixture fixture)
{
    private BotHarness Bot(string? pageName = "LittleWondersShop") => new(fixture, settings: new Dictionary<string, string?>
    {
        ["Content:RootPath"] = RepoPaths.Content,
        ["EntryPoints:PageName"] = pageName,
    });

    private static Activity Referral(ChatSession chat, JObject value)
    {
        var activity = chat.Adapter.MakeActivity();
        activity.Type = ActivityTypes.Event;
        activity.Name = ReferralRoute.Name;
        activity.Text = null;
        activity.Value = value;
        return activity;
    }

    private static JObject Ref(string reference, string source = "SHORTLINK") => new() { ["ref"] = reference, ["source"] = source, ["type"] = "OPEN_THREAD" };

    [Fact]
    public async Task KnownPreset_SaysItsWelcomeAndSkipsTheQuestionsItAnswers()
    {
        var bot = Bot();
        var chat = bot.Chat("facebook");

        var replies = await chat.SendAsync(Referral(chat, Ref("space-gifts")));

        Assert.Equal("Looking for space gifts? Let's find one.", replies[0].Text);
        // Age (5-12) and interest (space) came from the preset: who it is for would change nothing, so only the budget is asked.
        Assert.Equal(bot.Text(GiftFinderText.AskBudget), replies[^1].Text);
        var cards = (await chat.SendAsync("under 60")).ToList();
        foreach (var card in cards.Carousel().HeroCards())
            Assert.Contains("space", (await bot.Catalog.GetAsync(card.ProductId()))!.Interests);
    }

    [Fact]
    public async Task GetStartedRightAfterAReferral_DoesNotRestartThePreset()
    {
        var bot = Bot();
        var chat = bot.Chat("facebook");
        await chat.SendAsync(Referral(chat, Ref("space-gifts")));

        var replies = await chat.SendAsync("GET_STARTED");
        Assert.Empty(replies);

        Assert.Equal(bot.Text(GiftFinderText.AskBudget), (await chat.SendAsync("nephew"))[^1].Text);
    }

    [Fact]
    public async Task FaqPreset_AnswersFromTheFaqContent()
    {
        var bot = Bot();
        var chat = bot.Chat("facebook");

        var replies = await chat.SendAsync(Referral(chat, Ref("delivery")));

        var faq = FaqCatalog.Load(Path.Combine(RepoPaths.Content, FaqCatalog.FileName), "en-US");
        var expected = faq.AnswerFor(faq.Find("shipping-times")!, fixture.Text, "en-US", fixture.Tokens.ForPage("en-US"))!;
        Assert.Equal(["Wondering when your order arrives? Here's how delivery works.", expected], replies.Texts());
    }

    [Fact]
    public async Task PresetQuickReply_BeginsThePresetLikeALink()
    {
        var bot = Bot();
        var chat = bot.Chat("facebook");

        var replies = await chat.SendAsync("PRESET:gifts-under-25");

        Assert.Equal([bot.InstantReply, "Great gifts that don't break the bank: let's find one under 25."], replies.Texts().Take(2));
        Assert.Equal(bot.Text(GiftFinderText.AskRecipient), replies[^1].Text);
    }

    [Fact]
    public async Task UnknownRef_GetsTheNormalWelcome()
    {
        var bot = Bot();
        var chat = bot.Chat("facebook");

        var replies = await chat.SendAsync(Referral(chat, Ref("no-such-preset")));

        Assert.Equal([bot.Text(CommonText.Welcome), bot.Text(GiftFinderText.AskRecipient)], replies.Texts());
    }

    [Fact]
    public async Task AdProductId_IsRecommendedFirst()
    {
        var bot = Bot();
        var chat = bot.Chat("facebook");
        var ad = new JObject { ["source"] = "ADS", ["type"] = "OPEN_THREAD", ["ad_id"] = "6045246247433", ["ads_context_data"] = new JObject { ["ad_title"] = "Cosy gifts", ["product_id"] = "GB-1002" } };

        var replies = await chat.SendAsync(Referral(chat, ad));

        Assert.Equal("GB-1002", Assert.Single(replies.Carousel().HeroCards()).ProductId());
        Assert.Equal(bot.Text(GiftFinderText.AskRecipient), replies[^1].Text);
    }

    [Fact]
    public async Task AdTitleNamingATheme_PreFillsTheInterest()
    {
        var bot = Bot();
        var chat = bot.Chat("facebook");
        var ad = new JObject { ["source"] = "ADS", ["type"] = "OPEN_THREAD", ["ads_context_data"] = new JObject { ["ad_title"] = "Rocket-fuelled Christmas for little astronauts" } };

        var replies = await chat.SendAsync(Referral(chat, ad));

        Assert.Equal(bot.Text(EntryText.AdTheme, "theme", "Space"), replies[0].Text);
        await chat.SendAsync("nephew");
        // The interest question is skipped: after the age comes the budget.
        Assert.Equal(bot.Text(GiftFinderText.AskBudget), (await chat.SendAsync("8"))[^1].Text);
    }

    [Fact]
    public async Task ShareLink_RoundTripsToTheSharer()
    {
        var bot = Bot();
        var sharer = bot.Chat("facebook", "convo-sharer", "psid-sharer");
        var first = await sharer.SendAsync("SHARE");
        Assert.Equal([bot.InstantReply], first.Texts().Take(1)); // the sharer's first message ever
        var reply = first[^1];
        var link = System.Text.RegularExpressions.Regex.Match(reply.Text, @"https://m\.me/LittleWondersShop\?ref=(\S+)");
        Assert.True(link.Success, reply.Text);
        var reference = link.Groups[1].Value;
        Assert.DoesNotContain("psid-sharer", reference);
        Assert.True(Content.EntryPoints.ShareRef.TryParse(reference, out var token));
        Assert.Single(await sharer.SendAsync("SHARE"), r => r.Text.Contains(reference)); // one code per sharer

        var friend = bot.Chat("facebook", "convo-friend", "psid-friend");
        var replies = await friend.SendAsync(Referral(friend, Ref(reference)));

        Assert.Equal(bot.Text(EntryText.SharedArrival), replies[0].Text);
        Assert.Equal(bot.Text(GiftFinderText.AskRecipient), replies[^1].Text);
        var arrival = Assert.Single(bot.Funnel.OfKind(EntryFunnelKinds.ShareArrival));
        Assert.Equal((token, "True", "psid-friend"), (arrival.Properties["sharer"], arrival.Properties["known"], arrival.UserId));
        var sharerId = await bot.Services.GetRequiredService<ShareTokens>().ResolveAsync(token, default);
        Assert.Equal("psid-sharer", sharerId!.UserId);
    }

    [Fact]
    public async Task Share_WithoutAPageName_ExplainsPolitely()
    {
        var bot = Bot(pageName: null);
        var chat = bot.Chat("emulator");

        var replies = await chat.SendAsync("SHARE");

        Assert.Equal([bot.InstantReply, bot.Text(EntryText.ShareUnavailable)], replies.Texts());
    }

    [Fact]
    public async Task Recommendations_OfferShareWithAFriend()
    {
        var bot = Bot();
        var chat = bot.Chat("facebook");
        await chat.SendAsync(Referral(chat, Ref("space-gifts")));
        await chat.SendAsync("nephew");

        var replies = await chat.SendAsync("under 60");

        Assert.Contains(replies[^1].SuggestedActions.Actions, a => (a.Value as string) == "SHARE");
    }

    [Theory]
    [InlineData("facebook")]
    [InlineData("emulator")]
    public async Task Recommendations_WithoutAPageName_DoNotOfferAShareThatCannotWork(string channel)
    {
        var bot = Bot(pageName: null);
        var chat = bot.Chat(channel);

        var replies = await chat.SendAsync("I need something for my 8 year old nephew, he loves space, max 60 euros");

        Assert.True(replies.HasCarousel());
        Assert.DoesNotContain(Payloads.Share, replies[^1].QuickReplyValues());
        Assert.Contains(Payloads.ShowMore, replies[^1].QuickReplyValues());
    }

    [Fact]
    public async Task StaleShareTap_OnMessengerWithoutAPageName_DoesNotTellTheShopperToUseMessenger()
    {
        var bot = Bot(pageName: null);
        var chat = bot.Chat("facebook");

        var replies = await chat.SendAsync("SHARE");

        Assert.Equal(bot.Text(EntryText.ShareUnavailable), replies[^1].Text);
        Assert.DoesNotContain("works in Messenger", replies[^1].Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ShareLink_OpensOnTheSameProducts_ForTheFriend()
    {
        var bot = Bot();
        var sharer = bot.Chat("facebook", "convo-sharer", "psid-sharer");
        var shown = await bot.ShownAsync(await sharer.SendAsync("I need something for my 8 year old nephew, he loves space, max 60 euros"));
        var share = await sharer.SendAsync("SHARE");
        var reference = System.Text.RegularExpressions.Regex.Match(share[^1].Text, @"https://m\.me/LittleWondersShop\?ref=(\S+)").Groups[1].Value;
        Assert.NotEmpty(reference);

        var friend = bot.Chat("facebook", "convo-friend", "psid-friend");
        var replies = await friend.SendAsync(Referral(friend, Ref(reference)));

        Assert.Equal(bot.Text(EntryText.SharedProducts), replies[0].Text);
        Assert.Equal(shown.Select(p => p.Id), (await bot.ShownAsync(replies)).Select(p => p.Id));
        Assert.Equal(bot.Text(GiftFinderText.AskRecipient), replies[^1].Text);
    }
}
