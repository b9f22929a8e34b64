namespace GiftBot.Catalog;

/// <summary>What a shopper is looking for. Null means "no constraint".</summary>
public sealed record ProductQuery
{
    /// <summary>Age of the recipient in years; a product fits when its age range overlaps [AgeMin, AgeMax].</summary>
    public int? AgeMin { get; init; }
    public int? AgeMax { get; init; }
    /// <summary>The shopper stated these ages (several children, "5-6", "a toddler"): a product must fit every age from
    /// AgeMin to AgeMax, not just one of them. Off for an audience ("kids 5-12" in an ad) or a band a recipient implies.</summary>
    public bool AgeFitsEveryAge { get; init; }
    public decimal? MinPrice { get; init; }
    public decimal? MaxPrice { get; init; }
    /// <summary>Wanted interest themes (catalog theme names); empty means any.</summary>
    public IReadOnlyList<string> Interests { get; init; } = [];
    /// <summary>What the shopper loves in their own words ("trucks", "Minecraft", "fly fishing"): products are ranked by how
    /// well their title and description fit it. Never a filter: hard limits stay age, price, stock and ruled-out themes.</summary>
    public string? Wish { get; init; }
    /// <summary>What the shopper ruled out: theme names ("anything but books"), or words for a kind of thing ("no lego",
    /// "not plushies") that no shown product's title or description may name; such a word also rules out the theme it
    /// means unless that theme is wanted.</summary>
    public IReadOnlyList<string> ExcludedInterests { get; init; } = [];
    /// <summary>Products already shown in this search, never shown again.</summary>
    public IReadOnlyCollection<string> ExcludedProductIds { get; init; } = [];
    /// <summary>A product the results should resemble ("more like this").</summary>
    public string? SimilarToProductId { get; init; }
    public int Limit { get; init; } = 5;
}

/// <summary>Which constraint was loosened to find anything at all.</summary>
/// <summary>What a recommendation loosened to find anything: nothing, the wanted themes, the bottom of a budget range ("20-30": cheaper ones fit), or the ceiling (only when the shop opts in).</summary>
public enum RelaxedConstraint { None, Interests, Budget, MinimumPrice }

public sealed record Recommendation(IReadOnlyList<Product> Products, RelaxedConstraint Relaxed, decimal? RelaxedMaxPrice = null);
