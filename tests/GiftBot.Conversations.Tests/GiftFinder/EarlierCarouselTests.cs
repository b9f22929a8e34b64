using GiftBot.Catalog;
using Microsoft.Extensions.DependencyInjection;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Infrastructure;
using Payloads = GiftBot.Conversations.Text.Payloads;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>
/// Found trying the bot: "go back to the first ones" after "show more" said "Sure, let's start over" and asked who the
/// gift was for; "show me the previous ones again" and "the ones before were better" were not understood. An earlier
/// carousel of the same search is shown again, with its usual ways on.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class EarlierCarouselTests(ConversationFixture fixture)
{
    private const string Niece = "a gift for my 6 year old niece who loves animals, 25";

    private static IReadOnlyList<string> Ids(IReadOnlyList<Microsoft.Bot.Schema.Activity> replies) =>
        replies.Carousel().HeroCards().Select(c => c.ProductId()).ToList();

    [Theory]
    [InlineData("SHOW_MORE", "go back to the first ones")]
    [InlineData("SHOW_MORE", "the ones before were better")]
    [InlineData("CHEAPER", "show me the previous ones again")]
    [InlineData("CHEAPER", "hmm go back to the 1st ones pls")]
    public async Task AskingForTheEarlierIdeas_ShowsThatCarouselAgain_NotAStartOver(string refinement, string goBack)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var first = Ids(await chat.SendAsync(Niece));
        await chat.SendAsync(refinement);

        var replies = await chat.SendAsync(goBack);

        Assert.DoesNotContain(bot.Text(GiftFinderText.StartingOver), replies.Texts());
        Assert.Contains(bot.Text(RecommendText.IntroEarlier), replies.Texts());
        Assert.Equal(first, Ids(replies));
        Assert.Contains(Payloads.ShowMore, replies.Last().QuickReplyValues());
        Assert.Contains(Payloads.Cheaper, replies.Last().QuickReplyValues());
    }

    [Fact]
    public async Task ThePreviousOnes_AfterTwoMore_AreTheCarouselBeforeTheLast()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(Niece);
        var second = Ids(await chat.SendAsync("SHOW_MORE"));
        await chat.SendAsync("SHOW_MORE");

        var replies = await chat.SendAsync("show me the previous ones again");

        Assert.Equal(second, Ids(replies));
    }

    [Fact]
    public async Task CheaperAfterGoingBack_GoesBelowTheIdeasShownAgain_WithinTheBudget()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        await chat.SendAsync(Niece);
        await chat.SendAsync("CHEAPER");
        var again = await bot.ShownAsync(await chat.SendAsync("go back to the first ones"));

        var cheaper = await bot.ShownAsync(await chat.SendAsync("cheaper"));

        Assert.NotEmpty(cheaper);
        Assert.All(cheaper, p => Assert.True(p.Price < again.Min(a => a.Price) && p.MinAge <= 6 && 6 <= p.MaxAge, $"{p.Id} at {p.Price}"));
    }
    [Fact]
    public async Task GoingBack_WhenThoseIdeasLeftTheCatalog_StillGetsAnAnswer()
    {
        var catalog = new CatalogLosingProducts(fixture.Catalog);
        var bot = new BotHarness(fixture, extend: services => services.AddSingleton<IProductCatalog>(catalog));
        var chat = bot.Chat();
        var first = Ids(await chat.SendAsync(Niece));
        await chat.SendAsync("SHOW_MORE");
        catalog.Removed.UnionWith(first); // a feed import took them out

        var replies = await chat.SendAsync("go back to the first ones");

        Assert.NotEmpty(replies.Texts());
        Assert.DoesNotContain(bot.Text(RecommendText.IntroEarlier), replies.Texts());
    }

    /// <summary>The shipped catalog, less the products a test says a feed import removed.</summary>
    private sealed class CatalogLosingProducts(IProductCatalog catalog) : IProductCatalog
    {
        public HashSet<string> Removed { get; } = new(StringComparer.Ordinal);

        public string Currency => catalog.Currency;

        public async Task<Product?> GetAsync(string id, CancellationToken cancellationToken = default) =>
            Removed.Contains(id) ? null : await catalog.GetAsync(id, cancellationToken);

        public Task<IReadOnlyList<Product>> SearchAsync(ProductQuery query, CancellationToken cancellationToken = default) => catalog.SearchAsync(query, cancellationToken);

        public Task<bool> IsWithinLimitsAsync(ProductQuery query, string productId, CancellationToken cancellationToken = default) => catalog.IsWithinLimitsAsync(query, productId, cancellationToken);

        public Task<Recommendation> RecommendAsync(ProductQuery query, CancellationToken cancellationToken = default) => catalog.RecommendAsync(query, cancellationToken);

        public Task<IReadOnlyList<Product>> FindByNameAsync(string name, int limit, CancellationToken cancellationToken = default) => catalog.FindByNameAsync(name, limit, cancellationToken);

        public Task<Product?> FindByLinkAsync(string url, CancellationToken cancellationToken = default) => catalog.FindByLinkAsync(url, cancellationToken);

        public Task<IReadOnlyList<InterestTheme>> GetThemesAsync(CancellationToken cancellationToken = default) => catalog.GetThemesAsync(cancellationToken);
    }
}
