using GiftBot.Conversations.GiftFinder;
using GiftBot.Catalog;
using GiftBot.Content;
using GiftBot.Language;
using GiftBot.Conversations.Tests.Automations;
using GiftBot.Storage;
using GiftBot.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Conversations.Tests.Infrastructure;

/// <summary>
/// One bot instance wired exactly as the host wires it (<see cref="ShippedBot"/>) over the shared real catalog, texts and
/// recognizer, on a Tuesday morning when the team is in; storage is per harness, so a second harness over the same
/// storage is "the bot after a restart".
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
        var jobs = new SqliteScheduledJobStore(new SqliteDatabase(fixture.NewDatabasePath("jobs"), synchronous: StorageSynchronousMode.Normal));
        var seams = new BotSeams(Storage, Funnel, jobs, Sender, clock ?? new FakeTimeProvider(AssistantHarness.OpenTuesday)) { Recognizer = recognizer };
        Services = ShippedBot.Build(fixture, seams, settings, extend: extend);
    }

    /// <summary>What the bot sent outside a turn (follow-ups).</summary>
    public RecordingProactiveSender Sender { get; } = new();

    /// <summary>Where the host would tell cards it is reached (the host's own IPublicAddress); see <see cref="ShippedBot"/>.</summary>
    public const string PublicBaseUrl = ShippedBot.PublicBaseUrl;

    public ConversationFixture Fixture { get; }
    public IStorage Storage { get; }
    public InMemoryFunnelEventStore Funnel { get; }
    public IServiceProvider Services { get; }
    public IBot Bot => Services.GetRequiredService<IBot>();
    public IProductCatalog Catalog => Fixture.Catalog;

    /// <summary>The products of the carousel among <paramref name="replies"/>, in the order shown; none without a carousel.</summary>
    public async Task<IReadOnlyList<Product>> ShownAsync(IEnumerable<Microsoft.Bot.Schema.Activity> replies)
    {
        var products = new List<Product>();
        if (!replies.HasCarousel()) return products;
        foreach (var card in replies.Carousel().HeroCards()) products.Add((await Catalog.GetAsync(card.ProductId()))!);
        return products;
    }

    public ChatSession Chat(string channelId = "emulator", string conversationId = "convo-1", string userId = "user-1") =>
        new(this, channelId, conversationId, userId);

    /// <summary>The single text of a content key (for keys with one line), with the Page's and persona's tokens.</summary>
    public string Text(string key, IReadOnlyDictionary<string, string?>? tokens = null) =>
        Fixture.Text.Get(key, "en-US", Services.GetRequiredService<BotTokens>().ForPage("en-US").Merge(tokens ?? new Dictionary<string, string?>()));

    /// <summary>The Page's automatic answer to a person's first message ever (before the bot's own answer).</summary>
    public string InstantReply => Text(GiftBot.Conversations.Greeting.InstantReply.TextKey);

    public string Text(string key, string token, string? value) => Text(key, new Dictionary<string, string?> { [token] = value });

    /// <summary>
    /// True when a reply acknowledges a correction, whatever it lists: the general line, or "Got it: ..." (every
    /// "corrected..." phrase is only ever said inside <see cref="GiftFinderText.CorrectedTo"/>).
    /// </summary>
    public bool SaidACorrection(IEnumerable<Microsoft.Bot.Schema.Activity> replies)
    {
        var template = Text(GiftFinderText.CorrectedTo, "changes", "\u0001").Split('\u0001');
        return replies.Any(r => r.Text is { } said && (said == Text(GiftFinderText.Corrected)
            || said.StartsWith(template[0], StringComparison.Ordinal) && said.EndsWith(template[^1], StringComparison.Ordinal)));
    }

    /// <summary>Every line a key may give (for keys with alternatives).</summary>
    public IReadOnlyList<string> Variants(string key) => Fixture.Text.GetVariants(key, "en-US", Services.GetRequiredService<BotTokens>().ForPage("en-US"));
}
