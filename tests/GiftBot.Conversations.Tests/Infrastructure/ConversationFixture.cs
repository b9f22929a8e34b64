using GiftBot.Catalog;
using GiftBot.Content;
using GiftBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.Tests.Infrastructure;

/// <summary>
/// What every conversation test shares and is expensive to build once: the real bundled catalog (seeded into a temp
/// SQLite file), the real content texts, and the real language understanding (trained or loaded once).
/// </summary>
public sealed class ConversationFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "giftbot-conversations-tests-" + Guid.NewGuid().ToString("N"));

    public SqliteProductCatalog Catalog { get; private set; } = null!;
    public BotText Text { get; } = BotText.Load(Path.Combine(RepoPaths.Content, "text"), "en-US");
    public IRecognizer Recognizer { get; private set; } = null!;
    public ISlotParser SlotParser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        Catalog = new SqliteProductCatalog(Options.Create(new CatalogOptions
        {
            DatabasePath = Path.Combine(_directory, "catalog.db"),
            FeedPath = Path.Combine(RepoPaths.Content, "catalog", "products.csv"),
            ThemesPath = Path.Combine(RepoPaths.Content, "catalog", "themes.csv"),
            RefreshInterval = TimeSpan.FromHours(1),
        }), TimeProvider.System, NullLogger<SqliteProductCatalog>.Instance);
        await Catalog.InitializeAsync();
        var themes = await Catalog.GetThemesAsync();
        Recognizer = new Interim.InterimRecognizer(themes);
        SlotParser = new Interim.InterimSlotParser();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class ConversationCollection : ICollectionFixture<ConversationFixture>
{
    public const string Name = "Conversations";
}
