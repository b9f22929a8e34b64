namespace GiftBot.Catalog.Search;

/// <summary>
/// What a query filters and ranks on, one array per fact in product order: a scan over candidates reads a few small
/// arrays instead of following a pointer to every product. Themes are numbered so a match is an array lookup.
/// </summary>
internal sealed class ProductColumns
{
    public ProductColumns(IReadOnlyList<Product> products)
    {
        var count = products.Count;
        ThemeIds = products.SelectMany(p => p.Interests).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((theme, id) => (theme, id)).ToDictionary(x => x.theme, x => x.id, StringComparer.Ordinal);
        Prices = new decimal[count];
        MinAges = new int[count];
        MaxAges = new int[count];
        InStock = new bool[count];
        Themes = new int[count][];
        for (var i = 0; i < count; i++)
        {
            var p = products[i];
            (Prices[i], MinAges[i], MaxAges[i], InStock[i]) = (p.Price, p.MinAge, p.MaxAge, p.IsInStock);
            Themes[i] = p.Interests.Select(t => ThemeIds[t]).ToArray();
        }
        // Ties between equally good products fall to the id, in ordinal order, without comparing strings per candidate.
        IdOrder = new int[count];
        var byId = Enumerable.Range(0, count).OrderBy(i => products[i].Id, StringComparer.Ordinal).ToArray();
        for (var rank = 0; rank < count; rank++) IdOrder[byId[rank]] = rank;
    }

    public IReadOnlyDictionary<string, int> ThemeIds { get; }
    public decimal[] Prices { get; }
    public int[] MinAges { get; }
    public int[] MaxAges { get; }
    public bool[] InStock { get; }
    public int[][] Themes { get; }
    public int[] IdOrder { get; }
}
