using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>
/// Found trying the bot: after ideas for a 6 year old niece (€25, no books), "something for a boy instead" asked "How old
/// is the boy?" although the age was said. Someone else said as a swap keeps the age, budget and exclusions; only the
/// recipient changes.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class SwappedRecipientTests(ConversationFixture fixture)
{
    [Theory]
    [InlineData("something for a boy instead")]
    [InlineData("actually make it for a boy instead lol")]
    public async Task ABoyInstead_KeepsTheAgeBudgetAndExclusions_WithoutAskingThemAgain(string swap)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("a gift for my 6 year old niece who loves animals, 25, no books");

        var replies = await chat.SendAsync(swap);

        Assert.DoesNotContain(replies.Texts(), t => t.StartsWith("How old", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Text(GiftFinderText.AskBudget), replies.Texts());
        var shown = replies.HasCarousel() ? await bot.ShownAsync(replies) : await bot.ShownAsync(await chat.SendAsync("he loves dinosaurs"));
        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.True(p.MinAge <= 6 && 6 <= p.MaxAge && p.Price <= 25 && !p.Interests.Contains("reading"), $"{p.Id} {p.Price} {p.MinAge}-{p.MaxAge} {string.Join(",", p.Interests)}"));
    }

    [Theory]
    [InlineData("actually something for my mum instead")]
    [InlineData("what about my husband instead")]
    public async Task AnAdultInstead_KeepsTheBudgetAndExclusions_ButNotTheChildsAge(string swap)
    {
        // Swapped to "my mum", the 6-year-old's age was kept: a kids' gardening set and a fairy garden jar for mum.
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync("a gift for my 6 year old niece who loves animals, 25, no books");

        var replies = await chat.SendAsync(swap);

        Assert.DoesNotContain(bot.Text(GiftFinderText.AskBudget), replies.Texts());
        var shown = replies.HasCarousel() ? await bot.ShownAsync(replies) : await bot.ShownAsync(await chat.SendAsync("gardening"));
        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.True(p.MaxAge >= 18 && p.Price <= 25 && !p.Interests.Contains("reading"), $"{p.Id} {p.Price} {p.MinAge}-{p.MaxAge} {string.Join(",", p.Interests)}"));
    }
}
