using GiftBot.Conversations.ProductQuestions;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Conversations.Text;

namespace GiftBot.Conversations.Tests.ProductQuestions;

/// <summary>
/// A question about the cards on screen ("do any of them need batteries?", "is the station one wooden?") is answered
/// about them from the products' own details, or honestly not known with a person offered; before, it was read as a
/// change of interest and a new carousel came (found trying the bot).
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class QuestionsAboutShownCardsTests(ConversationFixture fixture)
{
    private static readonly Dictionary<string, string?> NoInstantReply = new() { ["InstantReply:Enabled"] = "false" };
    private const string TrainsCarousel = "my son is 5 and loves trains, under 40";

    // Found trying the bot: "tell me more about the second one" answered about it, then "is it in stock?" asked "Which
    // product do you mean?": "it" is the card just talked about, until another carousel comes.
    [Theory]
    [InlineData("is it in stock?")]
    [InlineData("and is it available?")]
    public async Task ItAfterAQuestionAboutOneCard_IsThatCard(string followUp)
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        var carousel = await bot.ShownAsync(await chat.SendAsync(TrainsCarousel));
        await chat.SendAsync("tell me more about the second one");

        var replies = await chat.SendAsync(followUp);

        Assert.Equal(bot.Text(ProductQuestionText.InStock, "product", carousel[1].Title), replies[0].Text);
    }

    [Fact]
    public async Task AQuestionAboutAPropertyOfTheShownCards_QuotesTheDetailsThatMentionIt_AndOffersAPersonForTheRest()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        var carousel = await bot.ShownAsync(await chat.SendAsync(TrainsCarousel));
        var battery = carousel.Where(p => p.Description.Contains("battery", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(battery);
        Assert.True(battery.Count < carousel.Count);

        var replies = await chat.SendAsync("do any of them need batteries?");

        Assert.False(replies.HasCarousel(), ReplyAssertions.Describe(replies));
        var said = string.Join("\n", replies.Texts());
        Assert.StartsWith(bot.Text(ProductQuestionText.PropertyFound, "property", "batteries"), said);
        Assert.All(battery, p => Assert.Contains(p.Title, said));
        Assert.All(carousel.Except(battery), p => Assert.DoesNotContain(p.Title + ":", said));
        Assert.Contains(Payloads.TalkToHuman, replies.Last().QuickReplyValues());
    }

    [Fact]
    public async Task APropertyTheDetailsDoNotMention_IsNotKnown_AndAPersonOffered()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        var carousel = await bot.ShownAsync(await chat.SendAsync("a 7 year old who loves space, under 30"));
        var rockets = carousel.Where(p => p.Title.Contains("Rocket", StringComparison.Ordinal)).Select(p => p.Title).ToList();
        Assert.NotEmpty(rockets);
        Assert.True(rockets.Count < carousel.Count);

        var replies = await chat.SendAsync("is the rocket one waterproof?");

        Assert.False(replies.HasCarousel(), ReplyAssertions.Describe(replies));
        Assert.Equal(bot.Text(ProductQuestionText.PropertyUnknown, new Dictionary<string, string?> { ["products"] = rockets.Count == 1 ? rockets[0] : $"{string.Join(", ", rockets.SkipLast(1))} {bot.Text(CommonText.ListAnd)} {rockets[^1]}", ["property"] = "waterproof" }), replies.Last().Text);
        Assert.Contains(Payloads.TalkToHuman, replies.Last().QuickReplyValues());
    }

    [Fact]
    public async Task AreTheseSuitableForAnAge_SaysWhichOfTheShownCardsAre()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        var carousel = await bot.ShownAsync(await chat.SendAsync(TrainsCarousel));

        var replies = await chat.SendAsync("are these suitable for a 3 year old?");

        Assert.False(replies.HasCarousel(), ReplyAssertions.Describe(replies));
        var who = bot.Text(ProductQuestionText.AYearOld, "age", "3");
        var fitting = carousel.Where(p => p.MinAge <= 3 && 3 <= p.MaxAge).ToList();
        var expected = fitting.Count == carousel.Count ? bot.Text(ProductQuestionText.FitShownAll, "who", who)
            : fitting.Count == 0 ? bot.Text(ProductQuestionText.FitShownNone, "who", who)
            : bot.Text(ProductQuestionText.FitShown, new Dictionary<string, string?> { ["products"] = fitting.Count == 1 ? fitting[0].Title
                : $"{string.Join(", ", fitting.SkipLast(1).Select(p => p.Title))} {bot.Text(CommonText.ListAnd)} {fitting[^1].Title}", ["who"] = who });
        Assert.Equal(expected, replies[0].Text);
    }
}
