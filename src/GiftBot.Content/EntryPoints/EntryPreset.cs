using System.Text.Json.Serialization;

namespace GiftBot.Content.EntryPoints;

/// <summary>
/// An entry preset from content/entry-points.json, named by the `ref` of an m.me link, QR code or click-to-Messenger ad.
/// It starts the gift finder with answers filled in (<see cref="GiftFinder"/>) or opens an FAQ topic (<see cref="FaqTopic"/>).
/// </summary>
public sealed record EntryPreset
{
    /// <summary>The m.me `ref`: letters, digits, '-', '_' and '=' (Meta's rule), unique in the file.</summary>
    [JsonPropertyName("ref")] public required string Ref { get; init; }

    /// <summary>Short button label (≤20 characters) for ad quick replies and menus.</summary>
    [JsonPropertyName("label")] public required string Label { get; init; }

    /// <summary>The line the bot says when the preset starts ("Looking for space gifts? Let's find one."), unless <see cref="WelcomeKey"/> is set.</summary>
    [JsonPropertyName("welcome")] public string? Welcome { get; init; }

    /// <summary>A content key in content/text/&lt;locale&gt;/ for a localised welcome line; wins over <see cref="Welcome"/>.</summary>
    [JsonPropertyName("welcomeKey")] public string? WelcomeKey { get; init; }

    [JsonPropertyName("giftFinder")] public GiftFinderPreset? GiftFinder { get; init; }

    /// <summary>An FAQ entry id to answer straight away.</summary>
    [JsonPropertyName("faqTopic")] public string? FaqTopic { get; init; }

    /// <summary>The welcome line in <paramref name="locale"/>: the content key's text when there is one, else the inline text.</summary>
    public string? WelcomeText(IBotText? text, string? locale = null) =>
        WelcomeKey is not null && text is not null && text.Has(WelcomeKey, locale) ? text.Get(WelcomeKey, locale) : Welcome;
}

/// <summary>Gift-finder answers a preset fills in; anything left null is still asked.</summary>
public sealed record GiftFinderPreset
{
    [JsonPropertyName("interests")] public IReadOnlyList<string> Interests { get; init; } = [];
    [JsonPropertyName("ageMin")] public int? AgeMin { get; init; }
    [JsonPropertyName("ageMax")] public int? AgeMax { get; init; }
    [JsonPropertyName("budgetMax")] public decimal? BudgetMax { get; init; }
    [JsonPropertyName("occasion")] public string? Occasion { get; init; }
}

/// <summary>The whole of content/entry-points.json.</summary>
public sealed record EntryPointsContent
{
    /// <summary>Greeting of the click-to-Messenger ad welcome message (the ad's quick replies are the presets).</summary>
    [JsonPropertyName("adGreeting")] public string? AdGreeting { get; init; }

    [JsonPropertyName("presets")] public IReadOnlyList<EntryPreset> Presets { get; init; } = [];

    public EntryPreset? Find(string? reference) =>
        string.IsNullOrEmpty(reference) ? null : Presets.FirstOrDefault(p => string.Equals(p.Ref, reference, StringComparison.OrdinalIgnoreCase));
}
