namespace GiftBot.Conversations.GiftFinder;

/// <summary>Tuning of the gift finder. Bound to the "GiftFinder" configuration section.</summary>
public sealed class GiftFinderOptions
{
    public const string SectionName = "GiftFinder";

    /// <summary>Products per carousel, 3 to 5 (Messenger shows up to 10, but a short list is easier to choose from).</summary>
    public int CarouselSize { get; set; } = 5;

    /// <summary>"Cheaper" lowers the maximum budget to this share of the current one (and below the cheapest product shown).</summary>
    public decimal CheaperFactor { get; set; } = 0.7m;

    public string? Validate() =>
        CarouselSize is < 3 or > 5 ? $"{SectionName}:CarouselSize must be between 3 and 5."
        : CheaperFactor is <= 0 or >= 1 ? $"{SectionName}:CheaperFactor must be between 0 and 1 (e.g. 0.7)."
        : null;
}
