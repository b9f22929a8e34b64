namespace GiftBot.Conversations.GiftFinder;

/// <summary>Tuning of the gift finder. Bound to the "GiftFinder" configuration section.</summary>
public sealed class GiftFinderOptions
{
    public const string SectionName = "GiftFinder";

    /// <summary>Products per carousel, 3 to 5 (Messenger shows up to 10, but a short list is easier to choose from).</summary>
    public int CarouselSize { get; set; } = 5;

    /// <summary>"Cheaper" lowers the maximum budget to this share of the current one (and below the cheapest product shown).</summary>
    public decimal CheaperFactor { get; set; } = 0.7m;

    /// <summary>
    /// What one unit of another currency is worth in the shop's currency ("USD": 0.86 in a euro shop), so "60 bucks" is
    /// searched as about €51. A currency without a rate is read as the shop's own, and the bot says so.
    /// </summary>
    public Dictionary<string, decimal> CurrencyRates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The interests question is asked only when the recipient may be this old: what a newborn "loves" settles nothing, and
    /// the few products made for babies are chosen by age ("a baby shower gift, 60 total" goes straight to them).
    /// </summary>
    public int AskInterestsFromAge { get; set; } = 2;

    public string? Validate() =>
        CarouselSize is < 3 or > 5 ? $"{SectionName}:CarouselSize must be between 3 and 5."
        : CheaperFactor is <= 0 or >= 1 ? $"{SectionName}:CheaperFactor must be between 0 and 1 (e.g. 0.7)."
        : AskInterestsFromAge is < 0 or > 18 ? $"{SectionName}:AskInterestsFromAge must be between 0 and 18 (e.g. 2: no interests question for babies)."
        : CurrencyRates.FirstOrDefault(r => r.Value <= 0 || r.Key.Length != 3) is { Key: not null } bad
            ? $"{SectionName}:CurrencyRates:{bad.Key} must be a three-letter currency code with a rate above 0 (one {bad.Key} in the shop's currency, e.g. 0.86)."
        : null;

    /// <summary>The amount in the shop's currency, or null when no rate is configured for <paramref name="currency"/>.</summary>
    public decimal? Convert(decimal amount, string currency) =>
        CurrencyRates.TryGetValue(currency, out var rate) ? Math.Round(amount * rate, 2) : null;
}
