namespace GiftBot.Catalog.Tests.Support;

/// <summary>Builds feed CSV text in the bundled feed's column layout, one valid row unless told otherwise.</summary>
public static class Feeds
{
    public const string Header = "id,title,description,availability,condition,price,link,image_link,brand,age_min,age_max,interests";

    public static string Row(string id, string title = "Star Rocket Kit", string price = "19.99 EUR", string availability = "in stock",
        string condition = "new", int ageMin = 6, int ageMax = 12, string interests = "space", string brand = "Orbit & Co",
        string description = "A rocket kit.", string? link = null) =>
        $"{id},{title},{description},{availability},{condition},{price},{link ?? $"https://shop.example.com/products/{id}"},"
        + $"https://shop.example.com/images/{id}.jpg,{brand},{ageMin},{ageMax},{interests}";

    public static string Csv(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";

    /// <summary>The repository's content/catalog folder, found from the test's output directory.</summary>
    public static string BundledCatalogFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "content", "catalog");
                if (System.IO.File.Exists(System.IO.Path.Combine(candidate, "products.csv")))
                    return candidate;
            }
            throw new InvalidOperationException("content/catalog/products.csv not found above " + AppContext.BaseDirectory);
        }
    }

    public static string BundledFeed => System.IO.Path.Combine(BundledCatalogFolder, "products.csv");
    public static string BundledThemes => System.IO.Path.Combine(BundledCatalogFolder, "themes.csv");
}
