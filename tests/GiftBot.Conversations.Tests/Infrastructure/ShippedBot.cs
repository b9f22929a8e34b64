using GiftBot.Catalog;
using GiftBot.Content;
using GiftBot.Conversations.FollowUps;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Handover;
using GiftBot.Language;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Conversations.Tests.Infrastructure;

/// <summary>What a test may swap in the shipped bot: stores, the clock, the channel's outside world, the trained recognizer.</summary>
public sealed record BotSeams(IStorage Storage, IFunnelEventStore Funnel, IScheduledJobStore Jobs, IProactiveSender Sender, TimeProvider Clock)
{
    public IRecognizer? Recognizer { get; init; }
    public IHumanHandoff? Handoff { get; init; }
}

/// <summary>
/// The one test-side way to build the bot: the host's own calls (AddBotContent, AddConversations) over the real
/// bundled catalog, content and trained recognizer, with only the seams swapped. Every conversation test's bot is this.
/// </summary>
public static class ShippedBot
{
    /// <summary>Where the host would tell cards it is reached (its IPublicAddress follows the request; here it is fixed).</summary>
    public const string PublicBaseUrl = "https://bot.example.com";

    private sealed record FixedPublicAddress(string? BaseUrl) : IPublicAddress;

    public static ServiceProvider Build(ConversationFixture fixture, BotSeams seams, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? seamsBeforeContent = null, Action<IServiceCollection>? extend = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Content:RootPath"] = RepoPaths.Content,
            ["Checkout:BaseUrl"] = "https://www.littlewonders.example/cart/add",
            ["Tagging:RulesFile"] = Path.Combine(RepoPaths.Content, "tagging.json"),
        }.Concat(settings ?? new Dictionary<string, string?>()).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value)).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(seams.Clock);
        services.AddSingleton(seams.Storage);
        services.AddSingleton(seams.Funnel);
        services.AddSingleton(seams.Jobs);
        services.AddSingleton<IProductCatalog>(fixture.Catalog);
        services.AddSingleton(seams.Recognizer ?? fixture.Recognizer);
        services.AddSingleton(fixture.SlotParser);
        services.AddSingleton(fixture.Content); // loaded once per test run; AddBotContent derives the rest from it
        seamsBeforeContent?.Invoke(services);
        services.AddBotContent(configuration);
        services.AddConversations(configuration);
        services.AddSingleton(seams.Sender);
        services.AddSingleton<IPublicAddress>(new FixedPublicAddress(PublicBaseUrl)); // the host reads it from the request
        if (seams.Handoff is not null) services.AddSingleton(seams.Handoff);
        extend?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
