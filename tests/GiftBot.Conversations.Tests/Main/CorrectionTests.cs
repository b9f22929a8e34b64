using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Conversations.Text;

namespace GiftBot.Conversations.Tests.Main;

/// <summary>
/// A correction is said back as the bot understood it ("Got it: 10 years old."), not "I've updated that", so a shopper
/// sees a misread at once; the same value said again is no update, and nothing starts again.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class CorrectionTests(ConversationFixture fixture)
{
    private const string NieceMidFlow = "my 7 year old niece loves animals";
    private const string NieceCarousel = "my 7 year old niece loves animals, under 40 euros";

    [Fact]
    public async Task UpdatesTheAgeMidFlow_AndAsksTheOpenQuestionAgain()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(NieceMidFlow);

        var replies = await chat.SendAsync("actually she's 10");
        Assert.Equal([GotIt(bot, Age(bot, 10)), bot.Text(GiftFinderText.AskBudget)], replies.Texts());

        replies = await chat.SendAsync("no limit");
        foreach (var card in replies.Carousel().HeroCards())
        {
            var product = (await bot.Catalog.GetAsync(card.ProductId()))!;
            Assert.True(product.MinAge <= 10 && product.MaxAge >= 10, $"{product.Id} does not fit a 10-year-old");
        }
    }

    [Fact]
    public async Task ReRecommends_WhenTheAgeIsCorrectedAfterTheCarousel()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var first = (await chat.SendAsync(NieceCarousel)).Carousel().HeroCards();

        var replies = await chat.SendAsync("actually she's 10");

        Assert.Equal(GotIt(bot, Age(bot, 10)), replies[0].Text);
        var cards = replies.Carousel().HeroCards();
        Assert.DoesNotContain(cards, c => first.Any(f => f.ProductId() == c.ProductId()));
        foreach (var card in cards)
        {
            var product = (await bot.Catalog.GetAsync(card.ProductId()))!;
            Assert.True(product.MinAge <= 10 && product.MaxAge >= 10);
        }
    }

    [Theory]
    [InlineData("he's actually 7")]
    [InlineData("actually he's 7")]
    public async Task ACorrectedAge_StillShowsWhatFitsTheLove_WhenOnlyTheCardsOnScreenDo(string correction)
    {
        // Three train products fit a 6- or 7-year-old under €40: all three on the first carousel. Before, the correction
        // hid them as seen and said "That's all I have for trains", over race tracks and dress-up trunks.
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var first = await bot.ShownAsync(await chat.SendAsync("gift for my 6 year old son, loves trains, 40 euro"));
        Assert.All(first, p => Assert.Contains("trains", p.Interests));

        var replies = await chat.SendAsync(correction);

        var shown = await bot.ShownAsync(replies);
        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.Contains("trains", p.Interests));
        Assert.All(shown, p => Assert.True(p.MinAge <= 7 && p.MaxAge >= 7 && p.Price <= 40m, p.Id));
        Assert.DoesNotContain(replies.Texts(), t => t.StartsWith(bot.Text(RecommendText.RelaxedInterestsAllShown, "interests", "trains")[..20], StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnlyOneOfTwoLoves_ShowsThatLove_EvenWhereItWasShownBeside_TheOther()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        Assert.Contains(await bot.ShownAsync(await chat.SendAsync("gift for my 6 year old son, loves trains and dinosaurs, 40 euro")), p => p.Interests.Contains("trains"));

        var shown = await bot.ShownAsync(await chat.SendAsync("show me only trains"));

        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.Contains("trains", p.Interests));
    }

    [Theory]
    [InlineData("no, 30 max")]
    [InlineData("actually under 30")]
    // Read as the interest crafts ("make"), with no budget: "Got it: crafts."
    [InlineData("make it 30")]
    [InlineData("can we make it 30")]
    public async Task SaysTheNewBudget_InTheShopsCurrency_WhenTheBudgetIsCorrectedAfterTheCarousel(string correction)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(NieceCarousel);

        var replies = await chat.SendAsync(correction);

        Assert.Equal(GotIt(bot, bot.Text(GiftFinderText.CorrectedBudget, "amount", Money(bot, 30))), replies[0].Text);
        Assert.All(await bot.ShownAsync(replies), p => Assert.True(p.Price <= 30, $"{p.Id} at {p.Price} is over 30"));
    }

    [Fact]
    public async Task SaysTheBudgetRange_WhenARangeReplacesTheBudget()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(NieceCarousel);

        var replies = await chat.SendAsync("between 20 and 30");

        Assert.Equal(GotIt(bot, bot.Text(GiftFinderText.CorrectedBudgetRange, new Dictionary<string, string?> { ["min"] = Money(bot, 20), ["max"] = Money(bot, 30) })), replies[0].Text);
    }

    [Fact]
    public async Task SaysNoBudgetLimit_WhenTheLimitIsLifted()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(NieceCarousel);

        var replies = await chat.SendAsync("no limit actually");

        Assert.Equal(GotIt(bot, bot.Text(GiftFinderText.CorrectedNoLimit)), replies[0].Text);
    }

    [Fact]
    public async Task SaysTheFigureTheBudgetNoteGave_WhenTheBudgetIsInAnotherCurrency()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(NieceCarousel);

        var replies = await chat.SendAsync("actually 50 dollars");

        // No rate is configured here: the note says the amount is read in the shop's currency, and so does the acknowledgement.
        var amount = Money(bot, 50);
        Assert.Equal([bot.Text(GiftFinderText.CurrencyNote, new Dictionary<string, string?> { ["currency"] = bot.Catalog.Currency, ["amount"] = amount }),
            GotIt(bot, bot.Text(GiftFinderText.CorrectedBudget, "amount", amount))], replies.Texts().Take(2));
    }

    [Fact]
    public async Task SaysTheChange_InTheShoppersLanguage()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        Task<IReadOnlyList<Microsoft.Bot.Schema.Activity>> SayAsync(string text)
        {
            var activity = chat.Adapter.MakeActivity(text);
            activity.Locale = "fr-FR";
            return chat.SendAsync(activity);
        }
        // The words are read whatever the locale; the locale decides the wording.
        Assert.NotEmpty(await bot.ShownAsync(await SayAsync(NieceCarousel)));

        var replies = await SayAsync("actually she's 10");

        string French(string key, string token, string value) => fixture.Text.Get(key, "fr-FR", new Dictionary<string, string?> { [token] = value });
        var age = French(GiftFinderText.CorrectedAge, "age", French(GiftFinderText.AgeYears, "age", "10"));
        Assert.Equal(French(GiftFinderText.CorrectedTo, "changes", age), replies[0].Text);
    }

    [Fact]
    public async Task AsksTheNewRecipientsAge_WhenTheShopperSwitchesPersonMidFlow()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(NieceMidFlow);

        var replies = await chat.SendAsync("actually it's for my dad");

        // Her age and interests don't apply to him: he is an adult, and the finder asks what he loves instead of keeping hers.
        Assert.Equal([GotIt(bot, bot.Text(GiftFinderText.CorrectedRecipient, "recipient", "your dad")), bot.Text(GiftFinderText.AskInterests, "recipient", "your dad")],
            replies.Texts());
    }

    [Fact]
    public async Task SaysWhoTheGiftIsForNow_WhenTheRecipientIsCorrectedMidFlow()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(NieceMidFlow);

        var replies = await chat.SendAsync("sorry, it's for my nephew");

        Assert.Equal([GotIt(bot, bot.Text(GiftFinderText.CorrectedRecipient, "recipient", "your nephew")), bot.Text(GiftFinderText.AskAge, "recipient", "your nephew")],
            replies.Texts());
    }

    [Fact]
    public async Task SaysWhatTheyLoveNow_AndWhatWasRuledOut_WhenTheInterestsAreCorrected()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(NieceMidFlow);

        var replies = await chat.SendAsync("she's into art not animals");

        var interests = bot.Text(GiftFinderText.CorrectedInterestsNot, new Dictionary<string, string?> { ["interests"] = await ThemeAsync(bot, "art"), ["other"] = await ThemeAsync(bot, "animals") });
        Assert.Equal([GotIt(bot, interests), bot.Text(GiftFinderText.AskBudget)], replies.Texts());
    }

    [Fact]
    public async Task SaysWhatTheyLoveNow_WhenTheInterestIsReplacedAfterTheCarousel()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(NieceCarousel);

        var replies = await chat.SendAsync("she loves space actually");

        Assert.Equal(GotIt(bot, bot.Text(GiftFinderText.CorrectedInterests, "interests", await ThemeAsync(bot, "space"))), replies[0].Text);
        Assert.All(await bot.ShownAsync(replies), p => Assert.Contains("space", p.Interests));
    }

    [Fact]
    public async Task SaysWhatWasRuledOut_WhenOnlyThatChanges()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(NieceCarousel);

        var replies = await chat.SendAsync("no books");

        Assert.Equal(GotIt(bot, bot.Text(GiftFinderText.CorrectedRuledOut, "interests", await ThemeAsync(bot, "reading"))), replies[0].Text);
    }

    [Fact]
    public async Task SaysEveryChange_InOneLine_WhenSeveralChangeAtOnce()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(NieceCarousel);

        var replies = await chat.SendAsync("she's 10 and my budget is 30");

        var both = $"{Age(bot, 10)} {bot.Text(CommonText.ListAnd)} {bot.Text(GiftFinderText.CorrectedBudget, "amount", Money(bot, 30))}";
        Assert.Equal(GotIt(bot, both), replies[0].Text);
    }

    [Fact]
    public async Task SaysTheCorrection_ThatCameWithTheAnswerToTheOpenQuestion()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(NieceMidFlow);

        var replies = await chat.SendAsync("actually she's 10 and my budget is 30");

        // The budget answers the question asked; the age was changed on the way, and is said back before the ideas.
        Assert.Equal(GotIt(bot, Age(bot, 10)), replies[0].Text);
        Assert.All(await bot.ShownAsync(replies), p => Assert.True(p.MinAge <= 10 && p.MaxAge >= 10 && p.Price <= 30, $"{p.Id} does not fit"));
    }

    [Theory]
    [InlineData("actually she's 7")]
    [InlineData("sorry, it's for my niece")]
    public async Task TheSameValueAgain_ClaimsNoUpdate_AndKeepsTheSearch(string again)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(NieceMidFlow);

        var replies = await chat.SendAsync(again);

        // Nothing changed: no "got it", and the search is not thrown away (it was: "Who is the gift for?").
        Assert.False(bot.SaidACorrection(replies), ReplyAssertions.Describe(replies));
        Assert.Equal([bot.Text(GiftFinderText.AskBudget)], replies.Texts());
    }

    [Fact]
    public async Task StartsANewSearch_WhenTheShopperAsksForSomeoneElse()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(NieceCarousel);
        var replies = await chat.SendAsync("I need something for my partner");
        // A partner is an adult: the age would change nothing, so the next question is what they love.
        Assert.Equal(bot.Text(GiftFinderText.AskInterests, "recipient", "your partner"), replies.Last().Text);
    }

    [Fact]
    public async Task SomethingNewSaidAtAnotherQuestion_IsNoted_NotCalledAnUpdate_AndTheQuestionAskedAgain()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("my nephew");

        var replies = await chat.SendAsync("do you have any dinosaur puzzles?");

        Assert.Equal([bot.Text(GiftFinderText.Noted), bot.Text(GiftFinderText.AskAge, "recipient", "your nephew")], replies.Texts());
        replies = await chat.SendAsync("8");
        // Dinosaurs were kept: the interest question is skipped.
        Assert.Equal(bot.Text(GiftFinderText.AskBudget), replies.Last().Text);
    }

    [Fact]
    public async Task SaysOneYear_NotOneYears_WhenTheAgeIsCorrectedToOne()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("my nephew is 2 and loves animals, 30 max");

        var replies = await chat.SendAsync("sorry he's 1");

        Assert.Equal(GotIt(bot, bot.Text(GiftFinderText.CorrectedAge, "age", bot.Text(GiftFinderText.AgeOneYear))), replies[0].Text);
        Assert.Equal("Got it: 1 year old.", replies[0].Text);
    }

    private static string GotIt(BotHarness bot, string changes) => bot.Text(GiftFinderText.CorrectedTo, "changes", changes);

    private static string Age(BotHarness bot, int age) => bot.Text(GiftFinderText.CorrectedAge, "age", bot.Text(GiftFinderText.AgeYears, "age", $"{age}"));

    private static string Money(BotHarness bot, decimal amount) => PriceFormatter.FormatBudget(amount, bot.Catalog.Currency, "en-US");

    private static async Task<string> ThemeAsync(BotHarness bot, string theme) => SearchWords.ThemeName(await bot.Catalog.GetThemesAsync(), theme);
}
