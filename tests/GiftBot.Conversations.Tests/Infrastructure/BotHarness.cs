using GiftBot.Conversations.Recommendations;
using GiftBot.Catalog;
using GiftBot.Content;
using GiftBot.Language;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Conversations.Tests.Infrastructure;

/// <summary>
/// One bot instance wired exactly as the host wires it (AddConversations) over the shared real catalog, texts and
/// recognizer; storage is per harness, so a second harness over the same storage is "the bot after a restart".
/// </summary>
public sealed class BotHarness
{
    public BotHarness(
        ConversationFixture fixture, IStorage? storage = null, IDictionary<string, string?>? settings = null,
        IRecognizer? recognizer = null, InMemoryFunnelEventStore? funnel = null, TimeProvider? clock = null,
        Action<IServiceCollection>? extend = null)
    {
        Fixture = fixture;
        Storage = storage ?? new MemoryStorage();
        Funnel = funnel ?? new InMemoryFunnelEventStore();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Checkout:BaseUrl"] = "https://shop.example.com/cart/add",
        }.Concat(settings ?? new Dictionary<string, string?>()).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value)).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        if (clock is not null) services.AddSingleton(clock);
        services.AddSingleton(Storage);
        services.AddSingleton<IProductCatalog>(fixture.Catalog);
        services.AddSingleton<IBotText>(fixture.Text);
        services.AddSingleton(fixture.Tokens);
        services.AddSingleton(recognizer ?? fixture.Recognizer);
        services.AddSingleton(fixture.SlotParser);
        services.AddSingleton<IFunnelEventStore>(Funnel);
        services.AddConversations(configuration);
        services.AddSingleton<IPublicAddress>(new FixedPublicAddress(PublicBaseUrl));
        extend?.Invoke(services);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Where the host would tell cards it is reached (the host's own IPublicAddress).</summary>
    public const string PublicBaseUrl = "https://bot.example.com";

    private sealed record FixedPublicAddress(string? BaseUrl) : IPublicAddress;

    public ConversationFixture Fixture { get; }
    public IStorage Storage { get; }
    public InMemoryFunnelEventStore Funnel { get; }
    public IServiceProvider Services { get; }
    public IBot Bot => Services.GetRequiredService<IBot>();
    public IProductCatalog Catalog => Fixture.Catalog;

    public ChatSession Chat(string channelId = "emulator", string conversationId = "convo-1", string userId = "user-1") =>
        new(this, channelId, conversationId, userId);

    /// <summary>The single text of a content key (for keys with one line), with the Page's and persona's tokens.</summary>
    public string Text(string key, IReadOnlyDictionary<string, string?>? tokens = null) =>
        Fixture.Text.Get(key, "en-US", Fixture.Tokens.ForPage("en-US").Merge(tokens ?? new Dictionary<string, string?>()));

    public string Text(string key, string token, string? value) => Text(key, new Dictionary<string, string?> { [token] = value });

    /// <summary>Every line a key may give (for keys with alternatives).</summary>
    public IReadOnlyList<string> Variants(string key) => Fixture.Text.GetVariants(key, "en-US", Fixture.Tokens.ForPage("en-US"));
}
