using GiftBot.Catalog.Themes;

namespace GiftBot.Catalog.Search;

/// <summary>A <see cref="ProductQuery"/> resolved against one snapshot: theme names canonical, "more like this" expanded.</summary>
internal sealed record SearchCriteria
{
    public int? AgeMin { get; init; }
    public int? AgeMax { get; init; }
    /// <summary>A product must cover the whole age range, not merely overlap it.</summary>
    public bool AgeFitsEveryAge { get; init; }
    public decimal? MinPrice { get; init; }
    public decimal? MaxPrice { get; init; }
    /// <summary>Themes to match; when not empty a product must match at least one.</summary>
    public IReadOnlyList<string> Interests { get; init; } = [];
    public required IReadOnlySet<string> ExcludedThemes { get; init; }
    /// <summary>Kinds of thing ruled out by name ("lego", "plushies"), as word stems: no product mentioning them passes.</summary>
    public IReadOnlyList<string[]> ExcludedWords { get; init; } = [];
    public required IReadOnlySet<string> ExcludedIds { get; init; }
    /// <summary>The price a good result is close to: the budget, or the price of the product to resemble.</summary>
    public decimal? PriceTarget { get; init; }
    public int Limit { get; init; }
    /// <summary>What the shopper loves, as a meaning vector; ranks candidates, never filters them.</summary>
    public float[]? WishVector { get; init; }

    /// <param name="anyInterest">Relaxation: drop the wanted themes (the query's or the similar product's); everything else stays.</param>
    public static SearchCriteria From(ProductQuery query, CatalogSnapshot snapshot, float[]? wishVector = null, bool anyInterest = false)
    {
        var criteria = Resolve(query, snapshot) with { WishVector = wishVector };
        // "More like this" without words: the product itself is what the shopper loves.
        if (wishVector is null && query.SimilarToProductId is { } id && snapshot.IndexOf(id) is { } seed)
            criteria = criteria with { WishVector = snapshot.Meaning.VectorOf(seed) };
        return anyInterest ? criteria with { Interests = [] } : criteria;
    }

    /// <summary>
    /// Ruled-out theme names, and the themes ruled-out words mean ("no books" rules out reading), except a wanted theme:
    /// "into building but no lego" wants building without the word lego, which <see cref="ExcludedWords"/> keeps out.
    /// </summary>
    private static HashSet<string> RuledOutThemes(ProductQuery query, CatalogSnapshot snapshot, IReadOnlyList<string> wanted) =>
        query.ExcludedInterests
            .Where(t => snapshot.Resolver.IsThemeName(t) || !wanted.Contains(snapshot.Resolver.Resolve(t) ?? "", StringComparer.Ordinal))
            .Select(t => snapshot.Resolver.Resolve(t) ?? ThemeNames.Normalize(t)).Where(t => t.Length > 0)
            .ToHashSet(StringComparer.Ordinal);

    private static SearchCriteria Resolve(ProductQuery query, CatalogSnapshot snapshot)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query.Limit));
        var excludedIds = new HashSet<string>(query.ExcludedProductIds, StringComparer.OrdinalIgnoreCase);
        // "between 12 and 8" means 8 to 12.
        var (ageMin, ageMax) = query is { AgeMin: { } low, AgeMax: { } high } && low > high ? (query.AgeMax, query.AgeMin) : (query.AgeMin, query.AgeMax);
        var wanted = snapshot.Resolver.ResolveAll(query.Interests);
        var criteria = new SearchCriteria
        {
            AgeMin = ageMin,
            AgeMax = ageMax,
            AgeFitsEveryAge = query.AgeFitsEveryAge && ageMin is not null && ageMax is not null,
            MinPrice = query.MinPrice,
            MaxPrice = query.MaxPrice,
            Interests = wanted,
            ExcludedThemes = RuledOutThemes(query, snapshot, wanted),
            ExcludedWords = query.ExcludedInterests.Where(t => !snapshot.Resolver.IsThemeName(t)).Select(ProductWords.Phrase).Where(p => p.Length > 0).ToArray(),
            ExcludedIds = excludedIds,
            PriceTarget = query.MaxPrice,
            Limit = query.Limit,
        };
        // An unknown "more like this" product (removed by a newer import) falls back to the plain query.
        if (query.SimilarToProductId is null || !snapshot.ById.TryGetValue(query.SimilarToProductId, out var seed))
            return criteria;

        excludedIds.Add(seed.Id);
        var ageGiven = ageMin is not null || ageMax is not null;
        return criteria with
        {
            Interests = criteria.Interests.Count > 0 ? criteria.Interests : seed.Interests,
            AgeMin = ageGiven ? ageMin : seed.MinAge,
            AgeMax = ageGiven ? ageMax : seed.MaxAge,
            PriceTarget = query.MaxPrice ?? seed.Price,
        };
    }
}
