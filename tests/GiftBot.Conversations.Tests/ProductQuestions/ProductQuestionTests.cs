using GiftBot.Catalog;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.ProductQuestions;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Conversations.Text;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Tests.ProductQuestions;

/// <summary>A question about a product gets the fact asked and the product's card, never the gift finder's questions.</summary>
[Collection(ConversationCollection.Name)]
public sealed class ProductQuestionTests(ConversationFixture fixture)
{
    private const string ShuttleBricks = "GB-1045";
    private const string Telescope = "GB-1047";
    private const string FreightTrain = "GB-1172";
    private const string DinosaurPuzzle = "GB-1062";
    private const string MagneticTiles = "GB-1034";
    private const string RocketPlayhouse = "GB-1098";

    // The Page's instant reply to a first message would come first; these tests are about the answer after it.
    private static readonly Dictionary<string, string?> NoInstantReply = new() { ["InstantReply:Enabled"] = "false" };

    private static Dictionary<string, string?> Tokens(params (string Name, string? Value)[] tokens) => tokens.ToDictionary(t => t.Name, t => t.Value);

    private static async Task<Product> ProductAsync(BotHarness bot, string id) => await bot.Catalog.GetAsync(id) ?? throw new InvalidOperationException(id);

    private static string Price(Product product) => PriceFormatter.Format(product.Price, product.Currency, "en-US");

    private static void AssertCardWithUsualButtons(IReadOnlyList<Activity> replies, params string[] productIds)
    {
        var cards = replies.Carousel().HeroCards();
        Assert.Equal(productIds, cards.Select(c => c.ProductId()));
        Assert.All(cards, card => Assert.Equal([ActionTypes.OpenUrl, ActionTypes.PostBack, ActionTypes.PostBack], card.Buttons.Select(b => b.Type)));
        Assert.All(cards, card => Assert.StartsWith(Payloads.AddToBasket + ":", card.Buttons[1].Value.ToString()));
    }

    [Theory]
    [InlineData("do you still have the space shuttle?")]
    [InlineData("is the space shuttle in stock")]
    public async Task StockQuestion_SaysInStock_AndShowsTheProductsCard(string question)
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync(question);

        var shuttle = await ProductAsync(bot, ShuttleBricks);
        Assert.Equal(bot.Text(ProductQuestionText.InStock, "product", shuttle.Title), replies[0].Text);
        AssertCardWithUsualButtons(replies, ShuttleBricks);
        Assert.DoesNotContain(bot.Text(GiftFinderText.AskRecipient), replies.Texts());
    }

    [Theory]
    [InlineData("do you sell the magnetic tiles starter set?")]
    [InlineData("do you carry the magnetic tiles set")]
    public async Task AskingWhetherTheShopSellsAProduct_IsAStockQuestion(string question)
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync(question);

        var tiles = await ProductAsync(bot, MagneticTiles);
        Assert.Equal(bot.Text(ProductQuestionText.InStock, "product", tiles.Title), replies[0].Text);
        AssertCardWithUsualButtons(replies, MagneticTiles);
        Assert.DoesNotContain(bot.Text(GiftFinderText.AskRecipient), replies.Texts());
    }

    [Fact]
    public async Task AskingWhetherTheShopSellsSomethingItDoesNot_SaysSo_AndOffersTheGiftFinder()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync("do you sell the hoverboard?");

        Assert.Equal(bot.Text(ProductQuestionText.None, "name", "hoverboard"), replies.Last().Text);
        Assert.Equal([Payloads.FindGift], replies.Last().QuickReplyValues());
        Assert.False(replies.HasCarousel());
    }

    [Theory]
    [InlineData("do you have the lego millennium falcon", "lego millennium falcon")]
    [InlineData("is the space shuttle launch tower in stock?", "space shuttle launch tower")]
    public async Task AProductFoundByPartOfItsName_IsOfferedAsTheClosest_NotAsAMatch(string question, string name)
    {
        // Found trying the bot: "5 products match "lego millennium falcon"" over stacking cups and soft blocks.
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync(question);

        Assert.Equal(bot.Text(ProductQuestionText.Closest, "name", name), replies[0].Text);
        Assert.True(replies.HasCarousel());
        Assert.DoesNotContain(replies.Texts(), t => t.StartsWith(bot.Text(ProductQuestionText.InStock, "product", "\u0001").Split('\u0001')[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task AThemeWordNoProductIsCalled_IsOfferedAsTheClosest_NotAsAMatch()
    {
        // Found trying the bot: '5 products match "lego", cheapest first. Which one did you mean?' over stacking cups and
        // brick sets, none of them LEGO: found by the theme "lego" is a word for.
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync("do you have lego");

        Assert.Equal(bot.Text(ProductQuestionText.Closest, "name", "lego"), replies[0].Text);
        Assert.True(replies.HasCarousel());
    }

    [Theory]
    // Found trying the bot: "do you have anything for a dog?" was asked "Who is the gift for?".
    [InlineData("do you have anything for a dog?")]
    [InlineData("something for our new puppy, 20")]
    [InlineData("gift for my cat")]
    public async Task AGiftForAPet_IsSaidToBeForPeopleOnly_AndTheGiftFinderOffered(string request)
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync(request);

        Assert.Equal(bot.Text(ProductQuestionText.PetGift), replies.Last().Text);
        Assert.Equal([Payloads.FindGift], replies.Last().QuickReplyValues());
        Assert.False(replies.HasCarousel());
    }

    [Theory]
    [InlineData("something for a dog lover, 30")]
    [InlineData("for my son who loves dogs, he's 8, 20 max")]
    public async Task APersonWhoLovesPets_IsStillAPerson(string request)
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync(request);

        Assert.DoesNotContain(bot.Text(ProductQuestionText.PetGift), replies.Texts());
    }

    [Fact]
    public async Task AWordTheProductsAreCalled_StillMatchesThem()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync("do you have puzzles");

        Assert.StartsWith(bot.Text(ProductQuestionText.Several, Tokens(("count", "\u0001"), ("name", "puzzles"))).Split('\u0001')[0], replies[0].Text, StringComparison.Ordinal);
        Assert.True(replies.HasCarousel());
    }

    [Theory]
    [InlineData("whats the price on the cardboard rocket playhouse")]
    [InlineData("price of the cardboard rocket playhouse?")]
    public async Task ThePriceOnAProduct_IsAPriceQuestion(string question)
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync(question);

        var playhouse = await ProductAsync(bot, RocketPlayhouse);
        Assert.Equal(bot.Text(ProductQuestionText.Price, Tokens(("product", playhouse.Title), ("price", Price(playhouse)))), replies[0].Text);
        AssertCardWithUsualButtons(replies, RocketPlayhouse);
    }

    [Theory]
    [InlineData("price")]
    [InlineData("in stock?")]
    [InlineData("how much?")]
    [InlineData("what age is it for")]
    public async Task AQuestionNamingNoProduct_AsksWhichProduct(string question)
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync(question);

        Assert.Equal(bot.Text(ProductQuestionText.WhichProduct), replies.Last().Text);
        Assert.Equal([Payloads.FindGift], replies.Last().QuickReplyValues());
    }

    [Fact]
    public async Task HowMuchIsIt_RightAfterOneProductsCard_IsAboutThatProduct()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        await chat.SendAsync("is the telescope in stock?");

        var replies = await chat.SendAsync("how much is it?");

        var telescope = await ProductAsync(bot, Telescope);
        Assert.Equal(bot.Text(ProductQuestionText.Price, Tokens(("product", telescope.Title), ("price", Price(telescope)))), Assert.Single(replies).Text);
    }

    [Fact]
    public async Task StockQuestion_SaysOutOfStock_WhenItIs()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync("is the magnetic freight train in stock?");

        var train = await ProductAsync(bot, FreightTrain);
        Assert.Equal(bot.Text(ProductQuestionText.OutOfStock, "product", train.Title), replies[0].Text);
        // Its card says so under the title and offers no "Add to basket", which the basket would refuse.
        var card = Assert.Single(replies.Carousel().HeroCards());
        Assert.Equal(train.Title, card.Title);
        Assert.Equal(bot.Text(RecommendText.PriceOutOfStock, "amount", Price(train)), card.Subtitle);
        Assert.DoesNotContain(card.Buttons, b => b.Value?.ToString()?.StartsWith(Payloads.AddToBasket + ":", StringComparison.Ordinal) == true);
        Assert.Contains(card.Buttons, b => b.Value?.ToString() == Payloads.With(Payloads.MoreLikeThis, FreightTrain));
    }

    [Fact]
    public async Task TheCardOfAProductAskedAboutByName_SaysItsAges_NotAClaimNobodyMade()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync("how much is the dinosaur puzzle");

        var puzzle = await ProductAsync(bot, DinosaurPuzzle);
        var card = Assert.Single(replies.Carousel().HeroCards());
        var ages = puzzle.HasNoUpperAge
            ? bot.Text(RecommendText.ReasonAgesFrom, "min", $"{puzzle.MinAge}")
            : bot.Text(RecommendText.ReasonAges, Tokens(("min", $"{puzzle.MinAge}"), ("max", $"{puzzle.MaxAge}")));
        Assert.StartsWith(ages, card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Text(RecommendText.ReasonPopular), card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PriceQuestion_SaysThePrice()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync("how much is the dinosaur puzzle");

        var puzzle = await ProductAsync(bot, DinosaurPuzzle);
        Assert.Equal(bot.Text(ProductQuestionText.Price, Tokens(("product", puzzle.Title), ("price", Price(puzzle)))), replies[0].Text);
        AssertCardWithUsualButtons(replies, DinosaurPuzzle);
    }

    [Fact]
    public async Task AgeQuestion_SaysTheAgeRange()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync("what age is the telescope for?");

        var telescope = await ProductAsync(bot, Telescope);
        Assert.Equal(bot.Text(ProductQuestionText.Ages, Tokens(("product", telescope.Title), ("from", telescope.MinAge.ToString()), ("to", telescope.MaxAge.ToString()))), replies[0].Text);
        AssertCardWithUsualButtons(replies, Telescope);
    }

    [Fact]
    public async Task CheapestOfAKind_IsTheCheapestInStock_OfThatTheme()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync("how much is the cheapest lego?");

        var cheapest = (await bot.Catalog.FindByNameAsync("lego", int.MaxValue)).Where(p => p.IsInStock).MinBy(p => p.Price)!;
        Assert.Contains("building", cheapest.Interests);
        Assert.Equal(bot.Text(ProductQuestionText.Cheapest, Tokens(("product", cheapest.Title), ("price", Price(cheapest)))), replies[0].Text);
        AssertCardWithUsualButtons(replies, cheapest.Id);
    }

    [Fact]
    public async Task SeveralMatches_AreSaidToBeSeveral_AndAllShown()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync("is the rocket kit in stock?");

        // "kit" is a word any title may add: the rockets are what was named (glow stars and an embroidery kit had been said
        // to match "rocket kit", found by "kit" and the space theme).
        var shown = await bot.ShownAsync(replies);
        Assert.True(shown.Count > 1);
        Assert.Contains(shown, p => p.Title == "Stomp Rocket Launcher");
        Assert.DoesNotContain(shown, p => p.Title is "Glow Stars Ceiling Kit (250 pcs)" or "Mission Patch Embroidery Kit");
        Assert.Equal(bot.Text(ProductQuestionText.Several, Tokens(("count", shown.Count.ToString()), ("name", "rocket kit"))), replies[0].Text);
        AssertCardWithUsualButtons(replies, [.. shown.Select(p => p.Id)]);
    }

    [Fact]
    public async Task NoMatch_SaysSo_AndOffersTheGiftFinder()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync("do you have the hoverboard in stock?");

        Assert.Equal(bot.Text(ProductQuestionText.None, "name", "hoverboard"), replies.Last().Text);
        Assert.Equal([Payloads.FindGift], replies.Last().QuickReplyValues());
        Assert.False(replies.HasCarousel());
    }

    [Fact]
    public async Task MidGiftFinder_TheQuestionIsAnswered_AndTheOpenQuestionAskedAgain()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        await chat.SendAsync("a gift for my nephew");

        var replies = await chat.SendAsync("is the telescope in stock?");

        var telescope = await ProductAsync(bot, Telescope);
        Assert.Equal(bot.Text(ProductQuestionText.InStock, "product", telescope.Title), replies[0].Text);
        Assert.Equal(bot.Text(GiftFinderText.AskAge, "recipient", "your nephew"), replies.Last().Text);
    }

    [Theory]
    [InlineData("something with a rocket for my son, 7")]
    [InlineData("do you have anything with dinosaurs for a 5 year old")]
    public async Task AGiftRequest_StaysAGiftRequest(string request)
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync(request);

        Assert.DoesNotContain(replies.Texts(), t => t.StartsWith(bot.Text(ProductQuestionText.InStock, "product", "\u0001").Split('\u0001')[0], StringComparison.Ordinal));
        Assert.True(replies.HasCarousel() || replies.Texts().Any(t => t.EndsWith('?')), ReplyAssertions.Describe(replies));
        Assert.DoesNotContain(bot.Text(ProductQuestionText.None, "name", "\u0001").Split('\u0001')[0], string.Join("|", replies.Texts()));
    }

    [Fact]
    public async Task AQuestionToTheShop_StillGetsTheFaqAnswer()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync("how much is shipping?");

        Assert.DoesNotContain(bot.Text(ProductQuestionText.None, "name", "shipping"), replies.Texts());
        Assert.Contains(replies, r => r.HeroCards().Any(c => c.Text?.StartsWith("Standard delivery", StringComparison.Ordinal) == true));
    }

    // "to", "and", "with" are in titles too ("How to Draw Manga", "Learn-to-Drive Steering Wheel", "Gloves and Kneeler"):
    // a question whose only words found in a title are such linking words names no product.
    [Theory]
    [InlineData("how much is delivery to germany?")]
    [InlineData("how much is shipping and handling")]
    [InlineData("price of postage to spain with tracking")]
    public async Task AShopQuestionWhoseOnlyTitleWordsAreLinkingWords_GetsTheFaqAnswer_NotProducts(string question)
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var replies = await bot.Chat().SendAsync(question);

        Assert.False(replies.Any(r => r.HeroCards().Any(c => c.Buttons.Any(b => b.Value?.ToString()?.StartsWith(Payloads.AddToBasket + ":", StringComparison.Ordinal) == true))), ReplyAssertions.Describe(replies));
        Assert.Contains(replies, r => r.HeroCards().Any(c => c.Text?.Contains("delivery", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task FrenchQuestion_IsAnsweredInFrench()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        var activity = chat.Adapter.MakeActivity("combien coûte le télescope ?");
        activity.Locale = "fr-FR";
        var replies = await chat.SendAsync(activity);

        var telescope = await ProductAsync(bot, Telescope);
        Assert.Equal(fixture.Text.Get(ProductQuestionText.Price, "fr-FR", Tokens(("product", telescope.Title), ("price", PriceFormatter.Format(telescope.Price, telescope.Currency, "fr-FR")))), replies[0].Text);
        AssertCardWithUsualButtons(replies, Telescope);
    }

    // After a carousel the shopper points at a card by its place: never a product called "second", never an age of 1.
    [Theory]
    [InlineData("how much is the second one?", 1, ProductQuestionText.Price)]
    [InlineData("what age is the last one for", 4, ProductQuestionText.Ages)]
    [InlineData("is the third one in stock?", 2, ProductQuestionText.InStock)]
    public async Task QuestionAboutACardByItsPlace_AnswersForThatCard_AndTheCarouselStaysPointable(string question, int index, string key)
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        var carousel = await bot.ShownAsync(await chat.SendAsync("gift for my niece, 6, loves art, under 30"));
        Assert.Equal(5, carousel.Count);

        var replies = await chat.SendAsync(question);

        var product = carousel[index];
        var expected = key switch
        {
            ProductQuestionText.Price => bot.Text(key, Tokens(("product", product.Title), ("price", Price(product)))),
            ProductQuestionText.Ages => bot.Text(product.HasNoUpperAge ? ProductQuestionText.AgesFrom : key,
                Tokens(("product", product.Title), ("from", product.MinAge.ToString()), ("to", product.MaxAge.ToString()))),
            _ => bot.Text(key, "product", product.Title),
        };
        Assert.Equal(expected, replies[0].Text);
        AssertCardWithUsualButtons(replies, product.Id);
        // The next place still points into the same carousel.
        var first = await chat.SendAsync("how much is the first one");
        Assert.Equal(bot.Text(ProductQuestionText.Price, Tokens(("product", carousel[0].Title), ("price", Price(carousel[0])))), first[0].Text);
    }

    [Theory]
    [InlineData("tell me more about the second one")]
    [InlineData("more info on the 2nd one please")]
    [InlineData("what's in the box with the second one?")]
    public async Task TellMeMore_AboutACard_SaysWhatItIsForWhomAndForHowMuch(string question)
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        var carousel = await bot.ShownAsync(await chat.SendAsync("gift for my niece, 6, loves art, under 30"));

        var replies = await chat.SendAsync(question);

        var product = carousel[1];
        Assert.Equal(bot.Text(product.HasNoUpperAge ? ProductQuestionText.DetailsFrom : ProductQuestionText.Details, Tokens(("product", product.Title),
            ("description", product.Description), ("from", product.MinAge.ToString()), ("to", product.MaxAge.ToString()), ("price", Price(product)))), replies[0].Text);
        AssertCardWithUsualButtons(replies, product.Id);
    }

    [Fact]
    public async Task TellMeAbout_ANamedProduct_DescribesIt_InsteadOfSearchingForGifts()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);

        var replies = await bot.Chat().SendAsync("tell me about the space shuttle");

        var shuttle = await ProductAsync(bot, ShuttleBricks);
        Assert.StartsWith(shuttle.Title + ": " + shuttle.Description.TrimEnd('.'), replies[0].Text);
        AssertCardWithUsualButtons(replies, ShuttleBricks);
        Assert.DoesNotContain(bot.Text(GiftFinderText.AskRecipient), replies.Texts());
    }

    // "Is it safe for a 5 year old?" after a carousel asks about the cards, not for a new search at that age.
    [Theory]
    [InlineData("would the first one suit a 2 year old?", 0, 2)]
    [InlineData("is the second one ok for my 6 year old?", 1, 6)]
    [InlineData("is the last one suitable for a 14yo", 4, 14)]
    public async Task AskingWhetherACardSuitsAnAge_AnswersForThatCard_AndKeepsTheSearch(string question, int index, int age)
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        var carousel = await bot.ShownAsync(await chat.SendAsync("gift for my niece, 6, loves art, under 30"));

        var replies = await chat.SendAsync(question);

        var product = carousel[index];
        var fits = product.MinAge <= age && age <= product.MaxAge;
        var key = fits ? (product.HasNoUpperAge ? ProductQuestionText.FitYesFrom : ProductQuestionText.FitYes)
            : age < product.MinAge ? (product.HasNoUpperAge ? ProductQuestionText.FitTooYoungFrom : ProductQuestionText.FitTooYoung) : ProductQuestionText.FitTooOld;
        Assert.Equal(bot.Text(key, Tokens(("product", product.Title), ("from", product.MinAge.ToString()), ("to", product.MaxAge.ToString()),
            ("who", bot.Text(ProductQuestionText.AYearOld, "age", age.ToString())))), replies[0].Text);
        Assert.Equal(fits ? [] : [bot.Text(ProductQuestionText.FitOffer, "age", age.ToString())], replies[0].QuickReplies().Select(a => a.Title));
        AssertCardWithUsualButtons(replies, product.Id);
        Assert.False(bot.SaidACorrection(replies), ReplyAssertions.Describe(replies));
        // The search is still the niece's: "show more" goes on with her age.
        Assert.All(await bot.ShownAsync(await chat.SendAsync("show more")), p => Assert.InRange(6, p.MinAge, p.MaxAge));
    }

    [Fact]
    public async Task AskingWhetherTheShownCardsSuitAnAge_SaysWhichOfThemDo()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        var carousel = await bot.ShownAsync(await chat.SendAsync("gift for my niece, 6, loves art, under 30"));

        var replies = await chat.SendAsync("are they ok for a 3 year old too?");

        var who = bot.Text(ProductQuestionText.AYearOld, "age", "3");
        var fitting = carousel.Where(p => p.MinAge <= 3 && 3 <= p.MaxAge).Select(p => p.Title).ToList();
        var expected = fitting.Count == 0 ? bot.Text(ProductQuestionText.FitShownNone, "who", who)
            : fitting.Count == carousel.Count ? bot.Text(ProductQuestionText.FitShownAll, "who", who)
            : bot.Text(ProductQuestionText.FitShown, Tokens(("products", fitting.Count == 1 ? fitting[0] : $"{string.Join(", ", fitting[..^1])} {bot.Text(CommonText.ListAnd)} {fitting[^1]}"), ("who", who)));
        Assert.Single(replies);
        Assert.Equal(expected, replies[0].Text);
    }

    [Fact]
    public async Task AskingWhetherANamedProductSuitsAnAge_AnswersForIt()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);

        var replies = await bot.Chat().SendAsync("is the space shuttle safe for a 3 year old?");

        var shuttle = await ProductAsync(bot, ShuttleBricks);
        Assert.True(shuttle.MinAge > 3, "the test needs a product not meant for a 3-year-old");
        Assert.Equal(bot.Text(shuttle.HasNoUpperAge ? ProductQuestionText.FitTooYoungFrom : ProductQuestionText.FitTooYoung, Tokens(("product", shuttle.Title),
            ("from", shuttle.MinAge.ToString()), ("to", shuttle.MaxAge.ToString()), ("who", bot.Text(ProductQuestionText.AYearOld, "age", "3")))), replies[0].Text);
        AssertCardWithUsualButtons(replies, ShuttleBricks);
    }

    [Fact]
    public async Task AnAgeLimitQuestionAboutACard_AnswersItsAges()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        var carousel = await bot.ShownAsync(await chat.SendAsync("gift for my niece, 6, loves art, under 30"));

        var replies = await chat.SendAsync("what about the first one, any age limit?");

        var product = carousel[0];
        Assert.Equal(bot.Text(product.HasNoUpperAge ? ProductQuestionText.AgesFrom : ProductQuestionText.Ages,
            Tokens(("product", product.Title), ("from", product.MinAge.ToString()), ("to", product.MaxAge.ToString()))), replies[0].Text);
    }

    // Asking for ideas for an age is a gift request, whatever fit words it uses, before or after a carousel.
    [Theory]
    [InlineData("what's good for a 5 year old?")]
    [InlineData("what's a good gift for a 7 year old boy who loves space, under 30")]
    [InlineData("which would suit a 6 year old?")]
    [InlineData("is anything suitable for a 4 year old?")]
    public async Task AskingForIdeasForAnAge_IsAGiftRequest_NotAQuestionAboutAProduct(string request)
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);

        var replies = await bot.Chat().SendAsync(request);

        Assert.DoesNotContain(bot.Text(ProductQuestionText.WhichProduct), replies.Texts());
        Assert.DoesNotContain(replies.Texts(), t => t.StartsWith(bot.Text(ProductQuestionText.None, "name", "\u0001").Split('\u0001')[0], StringComparison.Ordinal));
        // The gift finder took it: a carousel, or its next question with the age understood (never asked again).
        Assert.True(replies.Any(r => r.AttachmentLayout == AttachmentLayoutTypes.Carousel) || replies[^1].QuickReplies().Count > 0, string.Join(" | ", replies.Texts()));
        Assert.DoesNotContain(bot.Text(GiftFinderText.AskAge), replies.Texts());
    }
}
