namespace GiftBot.Catalog;

/// <summary>A gift product as the shop's catalog feed describes it.</summary>
public sealed record Product
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public required decimal Price { get; init; }
    /// <summary>ISO 4217 code, e.g. "EUR".</summary>
    public required string Currency { get; init; }
    /// <summary>Youngest suitable age in years (0 for babies).</summary>
    public int MinAge { get; init; }
    /// <summary>Oldest suitable age in years (use 120 for "any adult").</summary>
    public int MaxAge { get; init; } = 120;
    /// <summary>Interest themes, lower case, as named in the feed (e.g. "space", "dinosaurs").</summary>
    public IReadOnlyList<string> Interests { get; init; } = [];
    /// <summary>Feed availability: "in stock", "out of stock", "preorder", "available for order", "discontinued".</summary>
    public string Availability { get; init; } = "in stock";
    public string Condition { get; init; } = "new";
    public required string Link { get; init; }
    public required string ImageLink { get; init; }
    public string Brand { get; init; } = "";

    public bool IsInStock => Availability is "in stock" or "available for order" or "preorder";

    /// <summary>No oldest age worth saying ("for ages 14 and up"): feeds write 99 or 120 for any adult.</summary>
    public bool HasNoUpperAge => MaxAge >= 99;
}
