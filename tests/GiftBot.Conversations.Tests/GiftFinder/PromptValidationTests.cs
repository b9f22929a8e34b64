using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

[Collection(ConversationCollection.Name)]
public sealed class PromptValidationTests(ConversationFixture fixture)
{
    private async Task<(BotHarness Bot, ChatSession Chat)> AtAgeQuestionAsync()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("nephew");
        return (bot, chat);
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("250")]
    [InlineData("99999999999999999999")]
    public async Task RefusesAbsurdAgePolitely_AndExplainsWhatIsExpected(string age)
    {
        var (bot, chat) = await AtAgeQuestionAsync();
        var replies = await chat.SendAsync(age);

        Assert.Equal([bot.Text(GiftFinderText.AgeAbsurd), bot.Text(GiftFinderText.RetryAge)], replies.Texts());
        Assert.Equal([bot.Text(GiftFinderText.NotSure)], replies.Last().QuickReplies().Select(a => a.Title));

        // The question is still open and a valid answer moves on.
        replies = await chat.SendAsync("9");
        Assert.Equal(bot.Text(GiftFinderText.AskInterests, "recipient", "your nephew"), replies.Last().Text);
    }

    [Fact]
    public async Task ALoneNumberToTheInterestsQuestion_IsTheBudget_WhenTheAgeIsKnown()
    {
        // Found trying the bot: "40" to "What does your nephew love?" was "I didn't catch an interest I know".
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("present for my nephew, 7");

        var replies = await chat.SendAsync("25");

        Assert.DoesNotContain(bot.Text(GiftFinderText.RetryInterests), replies.Texts());
        Assert.Equal(bot.Text(GiftFinderText.AskInterests, "recipient", "your nephew"), replies.Last().Text);
        replies = await chat.SendAsync("cars");
        var shown = await bot.ShownAsync(replies);
        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.True(p.Price <= 25 && p.MinAge <= 7 && p.MaxAge >= 7, $"{p.Id} ({p.MinAge}-{p.MaxAge}, {p.Price})"));
        Assert.DoesNotContain(bot.Text(GiftFinderText.AskBudget), replies.Texts());
    }

    [Fact]
    public async Task RetriesAge_WhenTheAnswerIsNotAnAge()
    {
        var (bot, chat) = await AtAgeQuestionAsync();
        await chat.Flow()
            .Send("banana").AssertReply(bot.Text(GiftFinderText.RetryAge))
            .Send("not sure").AssertReply(bot.Text(GiftFinderText.AskInterests, "recipient", "your nephew"))
            .StartTestAsync();
    }

    [Fact]
    public async Task AcceptsAnAgeStage_LikeTeenager()
    {
        var (bot, chat) = await AtAgeQuestionAsync();
        var replies = await chat.SendAsync("a teenager");
        Assert.Equal(bot.Text(GiftFinderText.AskInterests, "recipient", "your nephew"), replies.Last().Text);
    }

    [Fact]
    public async Task AnswersAnImageWithWords_AndAsksAgain()
    {
        var (bot, chat) = await AtAgeQuestionAsync();
        var replies = await chat.SendImageAsync();
        Assert.Equal([bot.Text(GiftFinderText.NotText), bot.Text(GiftFinderText.RetryAge)], replies.Texts());
    }

    [Theory]
    [InlineData("my nephew is 150 years old")]
    [InlineData("gift for my 300 year old nephew, he loves space")]
    public async Task AnAbsurdAgeInTheFirstMessage_IsSaidToBeOne_BeforeTheAgeIsAsked(string message)
    {
        var bot = new BotHarness(fixture);
        var replies = await bot.Chat().SendAsync(message);

        var texts = replies.Texts().ToList();
        var absurd = texts.IndexOf(bot.Text(GiftFinderText.AgeAbsurd));
        Assert.True(absurd >= 0, ReplyAssertions.Describe(replies));
        Assert.Equal(bot.Text(GiftFinderText.AskAge, "recipient", "your nephew"), texts[absurd + 1]);
        Assert.False(replies.HasCarousel());
    }

    [Theory]
    [InlineData("audio/mp4", "https://test.invalid/voice.mp4", GiftFinderText.NotTextVoice)]
    [InlineData("audio/*", "https://test.invalid/clip", GiftFinderText.NotTextVoice)]
    [InlineData("video/mp4", "https://test.invalid/clip.mp4", GiftFinderText.NotText)]
    [InlineData("application/vnd.facebook.messenger.sticker", "https://test.invalid/like.png", GiftFinderText.NotText)]
    [InlineData("application/vnd.facebook.messenger.location", null, GiftFinderText.NotTextOther)]
    [InlineData("application/pdf", "https://test.invalid/wishlist.pdf", GiftFinderText.NotTextOther)]
    public async Task NamesWhatCameInsteadOfWords_AndAsksAgain(string contentType, string? url, string expectedKey)
    {
        // A voice note answered "I can't look at pictures" sounds as if the bot never noticed what was sent.
        var (bot, chat) = await AtAgeQuestionAsync();
        var replies = await chat.SendAttachmentAsync(contentType, url);
        Assert.Equal([bot.Text(expectedKey), bot.Text(GiftFinderText.RetryAge)], replies.Texts());
    }

    [Theory]
    [InlineData("audio/mp4", GiftFinderText.NotTextVoice)]
    [InlineData("application/vnd.facebook.messenger.location", GiftFinderText.NotTextOther)]
    public async Task NamesWhatCameInsteadOfWords_WithNothingAsked(string contentType, string expectedKey)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("thanks");
        var replies = await chat.SendAttachmentAsync(contentType, null);
        Assert.Contains(bot.Text(expectedKey), replies.Texts());
    }

    [Fact]
    public async Task RetriesRecipient_WhenTheAnswerNamesNobody()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("hmm");
        var replies = await chat.SendAsync("nephew");
        Assert.Equal(bot.Text(GiftFinderText.AskAge, "recipient", "your nephew"), replies.Last().Text);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("-3")]
    [InlineData("hmm")]
    public async Task RetriesRecipient_EvenWhenTheInstantReplyWasSentThisTurn(string answer)
    {
        // The first message ever gets the Page's instant reply; the question must still be asked again after it.
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.JoinAsync();

        var replies = await chat.SendAsync(answer);

        Assert.Equal([bot.InstantReply, bot.Text(GiftFinderText.RetryRecipient)], replies.Texts());
        replies = await chat.SendAsync("my niece");
        Assert.Equal(bot.Text(GiftFinderText.AskAge, "recipient", "your niece"), replies.Last().Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AnswersAnEmptyMessageWithTheQuestion_NotWithPicturesTalk(string empty)
    {
        var (bot, chat) = await AtAgeQuestionAsync();
        var replies = await chat.SendAsync(empty);
        Assert.Equal([bot.Text(GiftFinderText.RetryAge)], replies.Texts());
    }

    [Fact]
    public async Task RefusesZeroBudget_AndAcceptsARange()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("my 7 year old niece loves animals");

        var replies = await chat.SendAsync("0");
        Assert.Equal([bot.Text(GiftFinderText.BudgetTooLow), bot.Text(GiftFinderText.RetryBudget)], replies.Texts());
        Assert.Contains(bot.Text(GiftFinderText.BudgetNoLimit), replies.Last().QuickReplies().Select(a => a.Title));

        replies = await chat.SendAsync("between 20 and 40");
        foreach (var card in replies.Carousel().HeroCards())
        {
            var product = (await bot.Catalog.GetAsync(card.ProductId()))!;
            Assert.InRange(product.Price, 20m, 40m);
        }
    }

    [Fact]
    public async Task RetriesInterests_WhenNothingKnownIsNamed_AndAcceptsSurpriseMe()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("my 8 year old nephew");
        await chat.Flow()
            .Send("qwertyuiop").AssertReply(bot.Text(GiftFinderText.RetryInterests))
            .Send("Surprise me").AssertReply(bot.Text(GiftFinderText.AskBudget))
            .StartTestAsync();
    }
}
