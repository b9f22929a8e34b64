namespace GiftBot.Language;

/// <summary>Ages in years. Stated as numbers ("my 5 and 8 year old", "a 5-6 year old"), every age in it is someone's (or could
/// be): products must fit all of them.</summary>
public sealed record AgeRange(int Min, int Max)
{
    /// <summary>A band one person is somewhere in ("a teenager", "primary school") or an ad's audience ("kids 5-12"), not
    /// ages each of which someone is: products need only overlap it. A stage two years wide or less ("a toddler") is no band.</summary>
    public bool IsBand { get; init; }
}

/// <param name="PerGift">The amount is for each gift ("30 each", "for the twins"); <paramref name="Count"/> gifts are wanted.</param>
/// <param name="Count">How many gifts the amount covers: 1, or 2 for "the twins", "two kids", "both".</param>
public sealed record Budget(decimal? Min, decimal? Max, string? Currency, bool NoLimit = false, bool PerGift = false, int Count = 1)
{
    /// <summary>The ceiling for one gift: the amount itself, or a share of it when it is a total for several ("50 for both").</summary>
    public decimal? MaxPerGift => Max is { } max && !PerGift && Count > 1 ? Math.Floor(max / Count * 100) / 100 : Max;
}

/// <summary>
/// One of several people named in one message, with what was said of them alone ("Lily 8 likes horses" of "Lily 8 likes
/// horses, Sam 5 likes dinosaurs"). <paramref name="Name"/> as the shopper wrote it, or the recipient word
/// (<paramref name="Recipient"/> canonical, <paramref name="RecipientWords"/> as written); <paramref name="InterestWords"/>
/// what they love in the shopper's words.
/// </summary>
public sealed record Person(string? Name, string? Recipient, string? RecipientWords, AgeRange? Age, IReadOnlyList<string> Interests, string? Wish, string? InterestWords);

/// <summary>An age band a recipient word implies when no age was given ("my wife" → adult, 18–99).</summary>
public sealed record AgeBand(string Name, int Min, int Max);

/// <summary>
/// A typed view of a <see cref="Microsoft.Bot.Builder.RecognizerResult"/> so dialogs read slots, not JSON.
/// Build it with <c>ShopperUnderstanding.From(recognizerResult)</c>.
/// </summary>
public sealed record ShopperUnderstanding
{
    public string Intent { get; init; } = GiftIntents.None;
    public double Score { get; init; }
    public AgeRange? Age { get; init; }
    /// <summary>An age was written but disagreed with the shopper's other words ("my toddler, 18"): none is given or implied, so the age is asked.</summary>
    public bool AgeUnsure { get; init; }
    /// <summary>What the recipient loves is left to the shop ("your best sellers", "no idea what my boss likes"): not to be asked.</summary>
    public bool InterestsOpen { get; init; }
    /// <summary>Set only when no age was stated and the recipient implies one (content/language/recipient-ages.json).</summary>
    public AgeBand? ImpliedAge { get; init; }
    public Budget? Budget { get; init; }
    public string? Recipient { get; init; }
    /// <summary>The shopper's own words for the recipient ("sister in law" for <see cref="Recipient"/> "sister"), to name them as the shopper did.</summary>
    public string? RecipientWords { get; init; }
    /// <summary>Whose relation the recipient is, in the shopper's words ("his" of "his sister", "my friend's" of "my friend's
    /// daughter"); null when they are the shopper's own.</summary>
    public string? RecipientOwner { get; init; }
    public IReadOnlyList<string> Interests { get; init; } = [];
    public IReadOnlyList<string> ExcludedInterests { get; init; } = [];
    /// <summary>What the recipient loves in the shopper's own words ("trucks", "Minecraft"), for ranking by meaning.</summary>
    public string? Wish { get; init; }
    public string? Occasion { get; init; }
    public string? FaqTopic { get; init; }
    /// <summary>A question to the shop that no FAQ entry answers (<see cref="FaqTopic"/> is null): say so, offer a person.</summary>
    public bool FaqUnanswered { get; init; }
    /// <summary>With <see cref="FaqUnanswered"/>: the closest entry, which shares some of the question's words, to offer.</summary>
    public string? FaqSuggestion { get; init; }
    /// <summary>Several people who are not alike, in the order written, each with their own age and interests; empty for
    /// one person or alike ones (twins). <see cref="Age"/> and <see cref="Interests"/> still hold everyone's together.</summary>
    public IReadOnlyList<Person> People { get; init; } = [];

    public bool HasGiftSlots => Age is not null || Budget is not null || Recipient is not null || Interests.Count > 0 || ExcludedInterests.Count > 0 || Occasion is not null || InterestsOpen;
}
