using GiftBot.Conversations.Text;
using GiftBot.Conversations.Basket;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Main;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Storage;

namespace GiftBot.Conversations.Tests.Interruptions;

[Collection(ConversationCollection.Name)]
public sealed class InterruptionTests(ConversationFixture fixture)
{
    /// <summary>A shopper with one product in the basket, now being asked their budget in a new search.</summary>
    private async Task<(BotHarness Bot, ChatSession Chat, string ProductId)> AtBudgetQuestionWithBasketAsync()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var first = await chat.SendAsync("I need something for my 8 year old nephew, he loves space, max 40 euros");
        var productId = first.Carousel().HeroCards()[0].ProductId();
        await chat.SendAsync($"ADD_TO_BASKET:{productId}");
        await chat.SendAsync("START_OVER");
        await chat.SendAsync("niece");
        await chat.SendAsync("6");
        var budget = await chat.SendAsync("animals");
        Assert.Equal(bot.Text(GiftFinderText.AskBudget), budget.Last().Text);
        return (bot, chat, productId);
    }

    [Fact]
    public async Task HelpExplains_ThenAsksTheSameQuestionAgain()
    {
        var (bot, chat, _) = await AtBudgetQuestionWithBasketAsync();
        var replies = await chat.SendAsync("help");
        Assert.Equal([bot.Text(GiftFinderText.Help), bot.Text(GiftFinderText.AskBudget)], replies.Texts());
        Assert.False((await chat.SendAsync("under 30")).Carousel().HeroCards().Count == 0);
    }

    [Theory]
    [InlineData("OLD_XMAS_OFFER")]
    [InlineData("SHOW_DEALS:XMAS24")]
    [InlineData("{\"action\":\"offers\",\"campaign\":12}")]
    public async Task ATapOnAButtonTheBotDoesNotHave_SaysItNoLongerWorks_ThenAsksTheSameQuestionAgain(string payload)
    {
        var (bot, chat, _) = await AtBudgetQuestionWithBasketAsync();
        var replies = await chat.SendAsync(payload);
        Assert.Equal([bot.Text(CommonText.UnknownButton), bot.Text(GiftFinderText.AskBudget)], replies.Texts());
        Assert.True((await chat.SendAsync("under 30")).HasCarousel());
    }

    [Theory]
    [InlineData("LEGO")]
    [InlineData("{lego}")]
    public async Task AWordTypedInCapitals_IsStillAnAnswer_NotAButton(string answer)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("a gift for my 8 year old nephew");
        var replies = await chat.SendAsync(answer);
        Assert.DoesNotContain(bot.Text(CommonText.UnknownButton), replies.Texts());
        Assert.Equal(bot.Text(GiftFinderText.AskBudget), replies.Last().Text);
    }

    [Fact]
    public async Task CancelEndsTheSearch_AndKeepsTheBasket()
    {
        var (bot, chat, productId) = await AtBudgetQuestionWithBasketAsync();
        var replies = await chat.SendAsync("cancel");
        Assert.Equal([bot.Text(GiftFinderText.Cancelled)], replies.Texts());

        // The search is over: a budget now is a new request, and the basket still holds the product.
        var basket = await chat.SendAsync("VIEW_BASKET");
        Assert.Equal(productId, Assert.Single(basket.Carousel().HeroCards()).Buttons[0].Value.ToString()![(Payloads.RemoveFromBasket.Length + 1)..]);
    }

    [Fact]
    public async Task TypedStartOverAfterTheCarousel_SaysItStartsOver_AsTheButtonDoes()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        Assert.True((await chat.SendAsync("my 8 year old nephew loves space, under 50 euros")).HasCarousel());

        var typed = await chat.SendAsync("start over");

        Assert.Equal([bot.Text(GiftFinderText.StartingOver), bot.Text(GiftFinderText.AskRecipient)], typed.Texts());
    }

    [Fact]
    public async Task StartOverAsksWhoTheGiftIsFor_AndKeepsTheBasket()
    {
        var (bot, chat, _) = await AtBudgetQuestionWithBasketAsync();
        var replies = await chat.SendAsync("start over");
        Assert.Equal([bot.Text(GiftFinderText.StartingOver), bot.Text(GiftFinderText.AskRecipient)], replies.Texts());
        var basket = await chat.SendAsync("VIEW_BASKET");
        Assert.Single(basket.Carousel().HeroCards());
        Assert.Equal(bot.Text(GiftFinderText.AskRecipient), basket.Last().Text); // and the question is asked again
    }

    [Fact]
    public async Task ViewBasketShowsIt_ThenResumesTheQuestion()
    {
        var (bot, chat, _) = await AtBudgetQuestionWithBasketAsync();
        var replies = await chat.SendAsync("what's in my basket?");
        Assert.Single(replies.Carousel().HeroCards());
        Assert.Equal(bot.Text(GiftFinderText.AskBudget), replies.Last().Text);
    }

    [Fact]
    public async Task TalkToHuman_MidSearch_HandsOver_AndTheBotFallsSilent()
    {
        var (bot, chat, _) = await AtBudgetQuestionWithBasketAsync();
        var replies = await chat.SendAsync("can I talk to a person");
        Assert.Equal([bot.Text("persona.handover")], replies.Texts()); // the pending question is not asked over the person
        Assert.Single(bot.Funnel.OfKind(FunnelEventKinds.HandoverRequested));

        Assert.Empty(await chat.SendAsync("under 25")); // people have the thread now
    }

    [Fact]
    public async Task FaqQuestionIsAnswered_AndTheSearchResumes()
    {
        var (bot, chat, _) = await AtBudgetQuestionWithBasketAsync();
        var replies = await chat.SendAsync("when do you ship?");
        Assert.Equal(2, replies.Count);
        Assert.NotEmpty(replies[0].HeroCards().Single().Text); // the shipping answer from faq.json
        Assert.Equal(bot.Text(GiftFinderText.AskBudget), replies[1].Text);
    }

    [Fact]
    public async Task GetStartedMidSearch_DoesNotRestartIt()
    {
        var (bot, chat, _) = await AtBudgetQuestionWithBasketAsync();
        var replies = await chat.SendAsync("GET_STARTED");
        Assert.Equal(bot.Text(GiftFinderText.AskBudget), replies.Last().Text);
    }

    [Fact]
    public async Task AnswerWinsOverIntent_WhenItAnswersTheQuestion()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("nephew");
        var replies = await chat.SendAsync("no idea");
        Assert.Equal(bot.Text(GiftFinderText.AskInterests, "recipient", "your nephew"), replies.Last().Text);
    }

    [Theory]
    [InlineData("not fussed")]
    [InlineData("I don't mind")]
    [InlineData("not bothered really")]
    [InlineData("don't care")]
    [InlineData("idc")]
    [InlineData("up to you")]
    [InlineData("whatever's good")]
    [InlineData("you pick")]
    [InlineData("flexible")]
    public async Task ShopperWhoDoesNotMindTheBudget_GetsIdeas_NotACancelledSearch(string answer)
    {
        // "not fussed" and "I don't mind" (Irish and British for "any is fine") were read as cancel: the search was thrown
        // away. The others were asked the budget again.
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        Assert.Equal(bot.Text(GiftFinderText.AskBudget), (await chat.SendAsync("for my nephew, 9, loves football")).Last().Text);

        var replies = await chat.SendAsync(answer);

        Assert.True(replies.HasCarousel(), string.Join(" | ", replies.Texts()));
        Assert.DoesNotContain(bot.Text(GiftFinderText.Cancelled), replies.Texts());
    }

    [Fact]
    public async Task NothingToCancel_WhenNoSearchIsRunning()
    {
        var bot = new BotHarness(fixture);
        var replies = await bot.Chat().SendAsync("cancel");
        Assert.Equal([bot.InstantReply, bot.Text(MainText.NothingToCancel)], replies.Texts());
        Assert.Equal([Payloads.FindGift], replies[1].QuickReplyValues());
    }

    [Fact]
    public async Task CancelAfterTheCarousel_SaysNothingToCancel_AndTheShownSearchCanStillBeRefined()
    {
        // "not that one" read as cancel once a carousel was shown: the bot said there was nothing to cancel but
        // silently threw the search away, so "cheaper" asked who the gift was for.
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        Assert.True((await chat.SendAsync("my 8 year old nephew loves space, under 50 euros")).HasCarousel());

        var replies = await chat.SendAsync("cancel");
        Assert.Equal(bot.Text(MainText.NothingToCancel), replies.Last().Text);

        replies = await chat.SendAsync("cheaper");
        Assert.True(replies.HasCarousel());
    }

    [Fact]
    public async Task BasketCommandsWork_OutsideAnySearch()
    {
        var bot = new BotHarness(fixture);
        var replies = await bot.Chat().SendAsync("VIEW_BASKET");
        Assert.Equal([bot.InstantReply, bot.Text(BasketText.Empty)], replies.Texts());
    }
}
