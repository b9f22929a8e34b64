using GiftBot.Catalog;
using GiftBot.Content;
using GiftBot.Conversations.Faq;
using GiftBot.Language;
using GiftBot.Language.Vocabulary;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.Tests.Infrastructure;

/// <summary>
/// What every conversation test shares and is expensive to build once: the real bundled catalog (seeded into a temp
/// SQLite file), the real content (texts, persona), and the real embedded language understanding, trained once on
/// the repository's utterances with the catalog's themes and the FAQ's phrasings as its vocabulary.
/// </summary>
public sealed class ConversationFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "giftbot-conversations-tests-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider? _language;

    public BotContent Content { get; } = BotContent.Load(RepoPaths.Content);
    public BotText Text => Content.Text;
    public BotTokens Tokens => new(Content.Page, Content.Persona, Content.HoursText, TimeProvider.System);
    public SqliteProductCatalog Catalog { get; private set; } = null!;
    public IRecognizer Recognizer { get; private set; } = null!;
    public ISlotParser SlotParser { get; private set; } = null!;

    /// <summary>A fresh SQLite file in this run's folder (deleted with it).</summary>
    public string NewDatabasePath(string name) => Path.Combine(_directory, $"{name}-{Guid.NewGuid():N}.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        Catalog = new SqliteProductCatalog(Options.Create(new CatalogOptions
        {
            DatabasePath = Path.Combine(_directory, "catalog.db"),
            FeedPath = Path.Combine(RepoPaths.Content, "catalog", "products.csv"),
            ThemesPath = Path.Combine(RepoPaths.Content, "catalog", "themes.csv"),
            RefreshInterval = TimeSpan.FromHours(1),
        }), TimeProvider.System, NullLogger<SqliteProductCatalog>.Instance, new GiftBot.Meaning.MiniLmEmbedder());
        await Catalog.InitializeAsync();

        var themes = await Catalog.GetThemesAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IInterestVocabulary>(new StaticInterestVocabulary(
            themes.Select(t => new InterestTerm(t.Name, [t.DisplayName, .. t.Synonyms])).ToList()));
        services.AddSingleton<IFaqVocabulary>(new FaqVocabulary(Content.Faq, Content.Text)); // the one the bot ships with
        services.AddLanguageUnderstanding(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Language:ModelCachePath"] = Path.Combine(_directory, "language-model"),
        }).Build());
        _language = services.BuildServiceProvider();
        Recognizer = _language.GetRequiredService<IRecognizer>();
        SlotParser = _language.GetRequiredService<ISlotParser>();
        await _language.GetRequiredService<Language.Embedded.LanguageModelProvider>().GetModelAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_language is not null) await _language.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ConversationCollection : ICollectionFixture<ConversationFixture>
{
    public const string Name = "Conversations";
}
