using GiftBot.Conversations.Basket;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Conversations.Text;

namespace GiftBot.Conversations.Tests.Basket;

/// <summary>The basket by typed words: remove by name, empty (confirmed first), add a shown card by place or name, quantities.</summary>
[Collection(ConversationCollection.Name)]
public sealed class TypedBasketTests(ConversationFixture fixture)
{
    private const string NephewSpace = "I need something for my 8 year old nephew, he loves space, max 60 euros";
    private const string StompRocket = "GB-1043";
    private const string WaterRocket = "GB-1205";
    private const string ShuttleBricks = "GB-1045";

    private static async Task<ChatSession> WithBasketAsync(BotHarness bot, params string[] productIds)
    {
        var chat = bot.Chat();
        await chat.SendAsync(NephewSpace);
        foreach (var id in productIds) await chat.SendAsync($"{Payloads.AddToBasket}:{id}");
        return chat;
    }

    private static async Task<IReadOnlyList<string>> BasketLinesAsync(ChatSession chat)
    {
        var view = await chat.SendAsync(Payloads.ViewBasket);
        return view.HasCarousel() ? view.Carousel().HeroCards().Select(c => c.Buttons.Single().Value.ToString()!.Split(':')[1]).ToList() : [];
    }

    private async Task<string> TitleAsync(BotHarness bot, string id) => (await bot.Catalog.GetAsync(id))!.Title;

    [Theory]
    [InlineData("whats the total")]
    [InlineData("how much is that altogether?")]
    [InlineData("how much does it all come to?")]
    public async Task AskingForTheTotal_ShowsTheBasketWithItsTotal(string request)
    {
        // "whats the total" after adding two things was "Sorry, I didn't quite get that".
        var bot = new BotHarness(fixture);
        var chat = await WithBasketAsync(bot, StompRocket, ShuttleBricks);

        var replies = await chat.SendAsync(request);

        var viewed = await chat.SendAsync(Payloads.ViewBasket);
        Assert.Equal(viewed.Texts(), replies.Texts());
        Assert.Equal(2, replies.Carousel().HeroCards().Count);
    }

    [Theory]
    [InlineData("remove the rocket", StompRocket)]
    [InlineData("take the ROCKIT out of my basket", StompRocket)]
    [InlineData("take the lego set out of my basket", ShuttleBricks)]
    [InlineData("please delete the space shuttle", ShuttleBricks)]
    public async Task RemoveByName_TakesThatLineOut_ForgivingCaseAndATypo(string request, string removed)
    {
        var bot = new BotHarness(fixture);
        var chat = await WithBasketAsync(bot, StompRocket, ShuttleBricks);

        var replies = await chat.SendAsync(request);

        var title = await TitleAsync(bot, removed);
        Assert.Equal(bot.Text(BasketText.Removed, new Dictionary<string, string?> { ["title"] = title, ["count"] = bot.Text(BasketText.CountOne) }), replies.Last().Text);
        Assert.Equal([Payloads.ViewBasket, Payloads.Checkout], replies.Last().QuickReplyValues());
        Assert.Equal([removed == StompRocket ? ShuttleBricks : StompRocket], await BasketLinesAsync(chat));
    }

    [Fact]
    public async Task RemoveByName_AsksWhich_WhenSeveralLinesMatch()
    {
        var bot = new BotHarness(fixture);
        var chat = await WithBasketAsync(bot, StompRocket, WaterRocket, ShuttleBricks);

        var replies = await chat.SendAsync("remove the rocket launcher");

        Assert.Equal(bot.Text(BasketText.RemoveWhich), replies.Last().Text);
        Assert.Equal([$"REMOVE_FROM_BASKET:{StompRocket}", $"REMOVE_FROM_BASKET:{WaterRocket}"], replies.Last().QuickReplyValues());
        Assert.All(replies.Last().QuickReplies(), q => Assert.True(q.Title.Length <= 20, q.Title));
        Assert.Equal([StompRocket, WaterRocket, ShuttleBricks], await BasketLinesAsync(chat));
    }

    [Fact]
    public async Task RemoveByName_SaysSoAndShowsTheBasket_WhenNothingMatches()
    {
        var bot = new BotHarness(fixture);
        var chat = await WithBasketAsync(bot, StompRocket, ShuttleBricks);

        var replies = await chat.SendAsync("remove the teddy bear from my basket");

        Assert.Contains(bot.Text(BasketText.RemoveNoMatch), replies.Texts());
        Assert.Equal([StompRocket, ShuttleBricks], replies.Carousel().HeroCards().Select(c => c.Buttons.Single().Value.ToString()!.Split(':')[1]));
        Assert.Equal([StompRocket, ShuttleBricks], await BasketLinesAsync(chat));
    }

    [Theory]
    [InlineData("remove it")]
    [InlineData("delete that")]
    [InlineData("take it out")]
    [InlineData("actually take that one out please")]
    public async Task RemoveIt_RightAfterAnAdd_TakesOutWhatWasJustAdded(string request)
    {
        // "Remove it" after adding answered with the privacy notice ("remove" read as "delete my data"), "take it out"
        // with the checkout link.
        var bot = new BotHarness(fixture);
        var chat = await WithBasketAsync(bot, StompRocket, ShuttleBricks);

        var replies = await chat.SendAsync(request);

        var title = await TitleAsync(bot, ShuttleBricks);
        Assert.Equal(bot.Text(BasketText.Removed, new Dictionary<string, string?> { ["title"] = title, ["count"] = bot.Text(BasketText.CountOne) }), replies.Last().Text);
        Assert.Equal([StompRocket], await BasketLinesAsync(chat));
    }

    [Fact]
    public async Task RemoveIt_WithSeveralLinesAndNoneJustAdded_AsksWhich()
    {
        var bot = new BotHarness(fixture);
        var chat = await WithBasketAsync(bot, StompRocket, ShuttleBricks, WaterRocket);
        await chat.SendAsync("remove the water rocket");

        var replies = await chat.SendAsync("remove it");

        Assert.Equal(bot.Text(BasketText.RemoveWhich), replies.Last().Text);
        Assert.Equal([$"REMOVE_FROM_BASKET:{StompRocket}", $"REMOVE_FROM_BASKET:{ShuttleBricks}"], replies.Last().QuickReplyValues());
        Assert.Equal([StompRocket, ShuttleBricks], await BasketLinesAsync(chat));
    }

    [Fact]
    public async Task RemoveIt_WithAnEmptyBasket_SaysTheBasketIsEmpty_NotThePrivacyNotice()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(NephewSpace);

        var replies = await chat.SendAsync("remove it");

        Assert.Equal(bot.Text(BasketText.Empty), replies.Last().Text);
    }

    [Fact]
    public async Task DeleteMyData_WithABasket_IsStillAPrivacyRequest()
    {
        var bot = new BotHarness(fixture);
        var chat = await WithBasketAsync(bot, StompRocket, ShuttleBricks);
        var withoutBasket = new BotHarness(fixture).Chat();
        await withoutBasket.SendAsync(NephewSpace);

        var replies = await chat.SendAsync("delete my data");

        Assert.Equal((await withoutBasket.SendAsync("delete my data")).Texts(), replies.Texts());
        Assert.Equal([StompRocket, ShuttleBricks], await BasketLinesAsync(chat));
    }

    [Theory]
    [InlineData("remove the books please")]
    [InlineData("delete the dinosaurs")]
    public async Task ARemoveWordNamingNothingInTheBasketNorTheBasket_IsReadAsWithAnEmptyBasket(string text)
    {
        var bot = new BotHarness(fixture);
        var chat = await WithBasketAsync(bot, StompRocket, ShuttleBricks);
        var withoutBasket = new BotHarness(fixture).Chat();
        await withoutBasket.SendAsync(NephewSpace);

        var replies = await chat.SendAsync(text);

        Assert.DoesNotContain(bot.Text(BasketText.RemoveNoMatch), replies.Texts());
        Assert.Equal((await withoutBasket.SendAsync(text)).Texts(), replies.Texts());
        Assert.Equal([StompRocket, ShuttleBricks], await BasketLinesAsync(chat));
    }

    [Fact]
    public async Task EmptyingAsksFirst_AndOnlyYesEmpties()
    {
        var bot = new BotHarness(fixture);
        var chat = await WithBasketAsync(bot, StompRocket, ShuttleBricks);
        var total = $"€{(await bot.Catalog.GetAsync(StompRocket))!.Price + (await bot.Catalog.GetAsync(ShuttleBricks))!.Price:0.00}";

        var asked = await chat.SendAsync("clear my cart");

        Assert.Equal(bot.Text(BasketText.EmptyConfirm, new Dictionary<string, string?> { ["count"] = bot.Text(BasketText.CountMany, "count", "2"), ["total"] = total }), asked.Last().Text);
        Assert.Equal([Payloads.EmptyBasket, Payloads.KeepBasket], asked.Last().QuickReplyValues());
        Assert.Equal(bot.Text(BasketText.EmptyKept), (await chat.SendAsync(Payloads.KeepBasket)).Last().Text);
        Assert.Equal([StompRocket, ShuttleBricks], await BasketLinesAsync(chat));

        await chat.SendAsync("empty my basket");
        var emptied = await chat.SendAsync(Payloads.EmptyBasket);

        Assert.Equal(bot.Text(BasketText.Emptied), emptied.Last().Text);
        Assert.Equal([Payloads.FindGift], emptied.Last().QuickReplyValues());
        Assert.Equal(bot.Text(BasketText.Empty), (await chat.SendAsync(Payloads.ViewBasket)).Last().Text);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes, empty it", true)]
    [InlineData("nope", false)]
    public async Task ATypedYesOrNo_AnswersTheEmptyQuestion_LikeItsButtons(string answer, bool emptied)
    {
        var bot = new BotHarness(fixture);
        var chat = await WithBasketAsync(bot, StompRocket, ShuttleBricks);
        await chat.SendAsync("empty my basket");

        var replies = await chat.SendAsync(answer);

        Assert.Equal(bot.Text(emptied ? BasketText.Emptied : BasketText.EmptyKept), replies.Last().Text);
        string[] left = emptied ? [] : [StompRocket, ShuttleBricks];
        Assert.Equal(left, await BasketLinesAsync(chat));
    }

    [Fact]
    public async Task TheEmptyQuestion_HoldsForTheNextMessageOnly()
    {
        var bot = new BotHarness(fixture);
        var chat = await WithBasketAsync(bot, StompRocket, ShuttleBricks);
        await chat.SendAsync("empty my basket");
        await chat.SendAsync("show me something cheaper");

        var replies = await chat.SendAsync("yes");

        Assert.DoesNotContain(bot.Text(BasketText.Emptied), replies.Texts());
        Assert.Equal([StompRocket, ShuttleBricks], await BasketLinesAsync(chat));
    }

    [Fact]
    public async Task FrenchShoppersTypeTheirOwnWords()
    {
        var bot = new BotHarness(fixture);
        var chat = await WithBasketAsync(bot, StompRocket, ShuttleBricks);
        var activity = chat.Adapter.MakeActivity("vide mon panier s'il vous plaît");
        activity.Locale = "fr-FR";

        var asked = await chat.SendAsync(activity);

        Assert.Equal([Payloads.EmptyBasket, Payloads.KeepBasket], asked.Last().QuickReplyValues());
        Assert.Equal([fixture.Text.Get(BasketText.EmptyYes, "fr-FR"), fixture.Text.Get(BasketText.EmptyNo, "fr-FR")], asked.Last().QuickReplies().Select(q => q.Title));
        Assert.Equal([StompRocket, ShuttleBricks], await BasketLinesAsync(chat));
    }

    [Theory]
    [InlineData("add the second one to my basket", 1)]
    [InlineData("I'll take the first one", 0)]
    [InlineData("add the last one please", -1)]
    public async Task AddByPlace_AddsThatCardOfTheLastCarousel(string request, int position)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var cards = (await chat.SendAsync(NephewSpace)).Carousel().HeroCards();
        var card = position < 0 ? cards[^1] : cards[position];

        var replies = await chat.SendAsync(request);

        Assert.Equal(bot.Text(BasketText.Added, new Dictionary<string, string?> { ["title"] = card.Title, ["count"] = bot.Text(BasketText.CountOne) }), replies.Last().Text);
        Assert.Equal([card.ProductId()], await BasketLinesAsync(chat));
    }

    // Found trying the bot: "tell me more about the second" answered about that card, then "add it" asked "Which one
    // would you like?" with all five cards, as if the shopper had not just said.
    [Theory]
    [InlineData("tell me more about the second", "add it", 1)]
    [InlineData("is the first one in stock?", "ok I'll take it", 0)]
    [InlineData("how old is the last one for", "add that one to my basket", -1)]
    public async Task AddIt_RightAfterAQuestionAboutOneCard_AddsThatCard(string question, string request, int position)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var cards = (await chat.SendAsync(NephewSpace)).Carousel().HeroCards();
        var card = position < 0 ? cards[^1] : cards[position];
        await chat.SendAsync(question);

        var replies = await chat.SendAsync(request);

        Assert.Equal(bot.Text(BasketText.Added, new Dictionary<string, string?> { ["title"] = card.Title, ["count"] = bot.Text(BasketText.CountOne) }), replies.Last().Text);
        Assert.Equal([card.ProductId()], await BasketLinesAsync(chat));
    }

    [Fact]
    public async Task AddIt_AfterANewCarousel_AsksWhich_NotTheCardAskedAboutBefore()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(NephewSpace);
        await chat.SendAsync("tell me more about the second");
        await chat.SendAsync(Payloads.ShowMore);

        var replies = await chat.SendAsync("add it");

        Assert.Equal(bot.Text(BasketText.AddWhich), replies.Last().Text);
        Assert.Empty(await BasketLinesAsync(chat));
    }

    [Theory]
    [InlineData("add the {0} to my cart")]
    [InlineData("ok add the {0} please")]
    [InlineData("great, I'll take the {0}")]
    [InlineData("put the {0} in my basket")]
    [InlineData("perfect, we'll take the {0} then")]
    public async Task AddByName_AddsTheShownProductItsTitleNames(string request)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var card = (await chat.SendAsync(NephewSpace)).Carousel().HeroCards()[2];

        var replies = await chat.SendAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, request, card.Title.ToLowerInvariant()));

        Assert.Equal(bot.Text(BasketText.Added, new Dictionary<string, string?> { ["title"] = card.Title, ["count"] = bot.Text(BasketText.CountOne) }), replies.Last().Text);
    }

    [Fact]
    public async Task AddByName_AddsACardOfAnEarlierCarousel_AfterCheaperShowedOthers()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var first = (await chat.SendAsync(NephewSpace)).Carousel().HeroCards();
        var cheaper = (await chat.SendAsync("CHEAPER")).Carousel().HeroCards();
        var card = first.First(c => cheaper.All(n => n.ProductId() != c.ProductId()));

        var replies = await chat.SendAsync($"add the {card.Title.ToLowerInvariant()}");

        Assert.Equal(bot.Text(BasketText.Added, new Dictionary<string, string?> { ["title"] = card.Title, ["count"] = bot.Text(BasketText.CountOne) }), replies.Last().Text);
    }

    [Fact]
    public async Task AnAddWordWithOtherWordsThanATitles_IsNoBasketRequest_EvenWhenOneTitleWordIsAmongThem()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var cards = (await chat.SendAsync("my mum loves hot chocolate, 30 euros")).Carousel().HeroCards();
        var giftSet = cards.First(c => c.Title.Contains("Gift Set", StringComparison.Ordinal));

        // "gift" is a word of "Hot Chocolate Gift Set", but the shopper asks about wrapping, a question for the FAQ.
        var replies = await chat.SendAsync("can you add gift wrapping?");

        Assert.DoesNotContain(bot.Text(BasketText.Added, new Dictionary<string, string?> { ["title"] = giftSet.Title, ["count"] = bot.Text(BasketText.CountOne) }), replies.Texts());
        Assert.Empty(await BasketLinesAsync(chat));
    }

    [Fact]
    public async Task AddIt_AsksWhichCard_WhenSeveralWereShown_AndBeforeAnyCarouselOffersToFindOne()
    {
        var bot = new BotHarness(fixture);
        var before = await bot.Chat(conversationId: "convo-new").SendAsync("add it");
        Assert.Equal(bot.Text(BasketText.AddNothingShown), before.Last().Text);
        Assert.Equal([Payloads.FindGift], before.Last().QuickReplyValues());

        var chat = bot.Chat();
        var cards = (await chat.SendAsync(NephewSpace)).Carousel().HeroCards();
        Assert.DoesNotContain(bot.Text(BasketText.AddWhich), (await chat.SendAsync("I want the gift wrapped, is it possible?")).Texts());
        var replies = await chat.SendAsync("add it");

        Assert.Equal(bot.Text(BasketText.AddWhich), replies.Last().Text);
        Assert.Equal(cards.Select(c => $"ADD_TO_BASKET:{c.ProductId()}"), replies.Last().QuickReplyValues());
        Assert.Empty(await BasketLinesAsync(chat));
    }

    [Fact]
    public async Task AQuantitySetsTheLine_UpToTheMostOneProductMayHave()
    {
        var bot = new BotHarness(fixture);
        var chat = await WithBasketAsync(bot, ShuttleBricks);
        var title = await TitleAsync(bot, ShuttleBricks);

        var two = await chat.SendAsync("2 of the space shuttle");
        Assert.Equal(bot.Text(BasketText.QuantitySet, new Dictionary<string, string?> { ["quantity"] = "2", ["title"] = title, ["count"] = bot.Text(BasketText.CountMany, "count", "2") }), two.Last().Text);

        var many = await chat.SendAsync("12 of the shuttle please");
        var max = $"{BasketStore.MaxQuantity}";
        Assert.Equal(bot.Text(BasketText.QuantityCapped, new Dictionary<string, string?> { ["max"] = max, ["title"] = title, ["count"] = bot.Text(BasketText.CountMany, "count", max) }), many.Last().Text);
    }

    [Fact]
    public async Task AQuantityOfAShownCard_AddsThatMany()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var card = (await chat.SendAsync(NephewSpace)).Carousel().HeroCards()[1];

        var replies = await chat.SendAsync("add 3 of the second one");

        Assert.Equal(bot.Text(BasketText.QuantitySet, new Dictionary<string, string?> { ["quantity"] = "3", ["title"] = card.Title, ["count"] = bot.Text(BasketText.CountMany, "count", "3") }), replies.Last().Text);
    }

    [Theory]
    [InlineData("something with a rocket", true)]
    [InlineData("lego please", true)]
    [InlineData("one of my kids loves rockets", false)] // a new search for someone else: it asks the budget
    public async Task InterestSentencesAfterACarousel_AreNotBasketRequests(string sentence, bool showsIdeas)
    {
        var bot = new BotHarness(fixture);
        var chat = await WithBasketAsync(bot, StompRocket);

        var replies = await chat.SendAsync(sentence);

        Assert.Equal(showsIdeas, replies.HasCarousel());
        Assert.DoesNotContain(replies.SelectMany(r => r.QuickReplyValues()), v => v is Payloads.Checkout or Payloads.EmptyBasket || v.StartsWith(Payloads.AddToBasket + ":", StringComparison.Ordinal));
        Assert.Equal([StompRocket], await BasketLinesAsync(chat));
    }

    [Fact]
    public async Task AnInterestSentenceWhileTheGiftFinderAsks_IsAnAnswer_NotABasketRequest()
    {
        var bot = new BotHarness(fixture);
        var chat = await WithBasketAsync(bot, StompRocket);
        await chat.SendAsync("a gift for my niece");
        await chat.SendAsync("7");

        var replies = await chat.SendAsync("something with a rocket");

        Assert.DoesNotContain(replies, r => r.QuickReplyValues().Contains(Payloads.Checkout));
        Assert.Equal([StompRocket], await BasketLinesAsync(chat));
    }

    private const string Telescope = "GB-1047";

    // A carousel where "First Telescope 50 mm" is shown, not as the first card.
    private static async Task<(ChatSession Chat, List<string> Cards)> TelescopeShownSecondAsync(BotHarness bot)
    {
        var chat = bot.Chat();
        await chat.SendAsync("gift for a 10 year old who loves space under 60");
        var cards = (await chat.SendAsync(Payloads.ShowMore)).Carousel().HeroCards().Select(c => c.ProductId()).ToList();
        Assert.Contains(Telescope, cards);
        Assert.NotEqual(Telescope, cards[0]);
        return (chat, cards);
    }

    [Fact]
    public async Task APlaceWordThatIsAWordOfAShownTitle_AddsThatTitlesProduct()
    {
        var bot = new BotHarness(fixture);
        var (chat, _) = await TelescopeShownSecondAsync(bot);

        await chat.SendAsync("add the first telescope");

        Assert.Equal([Telescope], await BasketLinesAsync(chat));
    }

    [Fact]
    public async Task APlaceAndATitleThatDisagree_AskWhich_AndAddNothing()
    {
        var bot = new BotHarness(fixture);
        var (chat, cards) = await TelescopeShownSecondAsync(bot);
        var place = cards.IndexOf(Telescope) == 2 ? "fourth" : "third";

        var replies = await chat.SendAsync($"add the {place} telescope");

        Assert.Equal(bot.Text(BasketText.AddWhich), replies.Last().Text);
        Assert.Equal([$"ADD_TO_BASKET:{cards[place == "third" ? 2 : 3]}", $"ADD_TO_BASKET:{Telescope}"], replies.Last().QuickReplyValues());
        Assert.Empty(await BasketLinesAsync(chat));
    }

    [Fact]
    public async Task APlaceWithAProductNoShownCardIs_SaysSo_AndOffersTheCardsShown()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var cards = (await chat.SendAsync(NephewSpace)).Carousel().HeroCards();
        Assert.DoesNotContain(cards, c => c.Title.Contains("dragon", StringComparison.OrdinalIgnoreCase));

        var replies = await chat.SendAsync("add the first dragon");

        Assert.Equal(bot.Text(CommonText.NotShown, "name", "dragon"), replies.Last().Text);
        Assert.Equal(cards.Select(c => $"ADD_TO_BASKET:{c.ProductId()}"), replies.Last().QuickReplyValues());
        Assert.Empty(await BasketLinesAsync(chat));
    }

    [Theory]
    [InlineData("add the 2nd and 3rd", new[] { 1, 2 })]
    [InlineData("add the first two please", new[] { 0, 1 })]
    [InlineData("I'll take the first and the last one", new[] { 0, -1 })]
    // Card numbers listed on their own: "add 1 and 3" was a budget of €3 ("Got it: up to €3.").
    [InlineData("add 1 and 3", new[] { 0, 2 })]
    [InlineData("add 2, 4", new[] { 1, 3 })]
    public async Task AddSeveralByPlace_AddsEachOfThem(string request, int[] positions)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var cards = (await chat.SendAsync(NephewSpace)).Carousel().HeroCards();

        await chat.SendAsync(request);

        Assert.Equal(positions.Select(p => cards[p < 0 ? cards.Count + p : p].ProductId()).Order(), (await BasketLinesAsync(chat)).Order());
    }

    [Fact]
    public async Task RemovingACardByAWordOfIt_WithNothingInTheBasket_ChangesNoBudget()
    {
        // Found trying the bot: "remove the science one" with an empty basket was a budget of €1 ("Got it: up to €1.").
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(NephewSpace);

        var replies = await chat.SendAsync("remove the space one");

        Assert.DoesNotContain(replies.Texts(), t => t.Contains("€1.", StringComparison.Ordinal));
        replies = await chat.SendAsync("show more");
        Assert.NotEmpty(await bot.ShownAsync(replies));
    }

    [Theory]
    [InlineData("undo")]
    [InlineData("oops, undo that")]
    [InlineData("wrong one")]
    public async Task Undo_TakesBackTheLastAdd_AndOnlyIt(string undo)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var cards = (await chat.SendAsync(NephewSpace)).Carousel().HeroCards();
        await chat.SendAsync("add the first one");
        await chat.SendAsync("add the second one");

        var replies = await chat.SendAsync(undo);

        Assert.Equal(bot.Text(BasketText.Removed, new Dictionary<string, string?> { ["title"] = cards[1].Title, ["count"] = bot.Text(BasketText.CountOne) }), replies.Last().Text);
        Assert.Equal([cards[0].ProductId()], await BasketLinesAsync(chat));
        // Nothing more to take back: "undo" again is not a second removal.
        await chat.SendAsync("undo");
        Assert.Equal([cards[0].ProductId()], await BasketLinesAsync(chat));
    }
}
