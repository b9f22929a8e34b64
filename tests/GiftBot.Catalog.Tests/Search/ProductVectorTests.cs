using GiftBot.Catalog.Import;
using GiftBot.Catalog.Tests.Support;
using GiftBot.Meaning;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GiftBot.Catalog.Tests.Search;

/// <summary>Product vectors live with the catalog: made once per text, read back at start-up, remade only for what an import changed.</summary>
public sealed class ProductVectorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task EncodesEachProductOnce_ReadsThemBackAtStartUp_AndOnlyWhatAnImportChanged()
    {
        var database = _dir.File("catalog.db");
        await Import(Feeds.Row("a", description: "A rocket kit."), Feeds.Row("b", title: "Dino Dig", description: "Dig up a T-rex."));
        var embedder = new CountingEmbedder();

        await Open(database, embedder).InitializeAsync();
        Assert.Equal(2, embedder.Encoded);

        await Open(database, embedder).InitializeAsync();
        Assert.Equal(2, embedder.Encoded);

        await Import(Feeds.Row("a", description: "A rocket kit."), Feeds.Row("b", title: "Dino Dig", description: "Dig up a triceratops."));
        await Open(database, embedder).InitializeAsync();
        Assert.Equal(3, embedder.Encoded);
    }

    [Fact]
    public async Task RanksByMeaning_WhatTheShopperLoves()
    {
        await Import(Feeds.Row("rocket", title: "Star Rocket Kit", description: "Build and launch a rocket.", interests: "space"),
            Feeds.Row("truck", title: "Big Red Fire Truck", description: "A fire engine with a ladder and a siren.", interests: "space"));
        var catalog = Open(_dir.File("catalog.db"), new MiniLmEmbedder());

        var found = await catalog.SearchAsync(new ProductQuery { Wish = "trucks", Limit = 2 });

        Assert.Equal("TRUCK", found[0].Id.ToUpperInvariant());
    }

    private Task Import(params string[] rows) =>
        new CatalogImporter(_dir.File("catalog.db"), "EUR").ImportAsync(new StringReader(Feeds.Csv(rows)), "feed.csv", default);

    private SqliteProductCatalog Open(string database, ITextEmbedder embedder) =>
        new(Options.Create(new CatalogOptions { DatabasePath = database, FeedPath = Feeds.BundledFeed, ThemesPath = _dir.File("none.csv") }),
            TimeProvider.System, NullLogger<SqliteProductCatalog>.Instance, embedder);

    /// <summary>Counts the texts it is asked to encode; its vectors are arbitrary but stable.</summary>
    private sealed class CountingEmbedder : ITextEmbedder
    {
        public int Encoded;
        public string ModelId => "counting";
        public int Dimensions => 4;
        public bool IsLoaded => true;
        public float[] Embed(string text) => EmbedAll([text])[0];

        public IReadOnlyList<float[]> EmbedAll(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            Encoded += texts.Count;
            return texts.Select(t => new float[] { t.Length, 1, 0, 0 }).ToArray();
        }
    }
}
