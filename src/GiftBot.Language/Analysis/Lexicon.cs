using System.Reflection;
using Newtonsoft.Json;

namespace GiftBot.Language.Analysis;

/// <summary>
/// Relationship words, occasions, age-stage words and "no limit" phrases, read from content/language/lexicon.json
/// (a marketer can add "bestie" or "secret santa" there without code). The copy embedded at build time is the default.
/// </summary>
public sealed class Lexicon
{
    public int Version { get; init; }
    public Dictionary<string, List<string>> Recipients { get; init; } = [];
    public Dictionary<string, List<string>> Occasions { get; init; } = [];
    public List<AgeWordGroup> AgeWords { get; init; } = [];
    public List<string> NoLimitPhrases { get; init; } = [];
    /// <summary>"no idea", "not sure", "don't know": uncertainty, never a negation of what follows ("no idea what my boss likes").</summary>
    public List<string> UnsurePhrases { get; init; } = [];
    /// <summary>"best sellers", "most popular", "trending": the shopper leaves what to choose to the shop.</summary>
    public List<string> PopularPhrases { get; init; } = [];
    /// <summary>"has everything", "impossible to buy for": no interest to go by, so the shop chooses.</summary>
    public List<string> HardToBuyForPhrases { get; init; } = [];
    /// <summary>"my wife will kill me", "I'm in the doghouse": what would happen to the shopper for giving a thing, so the
    /// thing is ruled out.</summary>
    public List<string> TroublePhrases { get; init; } = [];
    /// <summary>Words that mean the same in shop questions ("delivery" = "shipping", "overseas" = "abroad"), for FAQ matching.</summary>
    public Dictionary<string, List<string>> FaqWordGroups { get; init; } = [];
    /// <summary>Words a shop question is wrapped in that say nothing of what it asks ("quick question", "est-ce que"): an FAQ
    /// entry need not use them to cover the question.</summary>
    public List<string> FaqFillerWords { get; init; } = [];
    /// <summary>What a message made only of emoji says ("🎁" → "find a gift", "👍" → "thanks"), read as those words.</summary>
    public Dictionary<string, string> EmojiMessages { get; init; } = [];
    /// <summary>A kind of product as the catalog's titles and descriptions name it ("plush"), and what shoppers call it
    /// ("stuffed animals", "soft toys", "teddies"), so ruling out the one rules out products named the other way.</summary>
    public Dictionary<string, List<string>> ProductKinds { get; init; } = [];
    /// <summary>Other words the catalog names a product kind by ("plush": "comforter"), ruled out with it.</summary>
    public Dictionary<string, List<string>> ProductKindCatalogWords { get; init; } = [];

    /// <summary>Theme words naming one kind of thing inside the theme ("slime" in crafts, "star wars" in space): a plain no to
    /// one rules out that word, not the theme.</summary>
    public List<string> KindsWithinThemes { get; init; } = [];

    public sealed record AgeWordGroup(int Min, int Max, List<string> Words);

    public static Lexicon Parse(string json) =>
        JsonConvert.DeserializeObject<Lexicon>(json) ?? throw new InvalidDataException("The lexicon file is empty.");

    /// <summary>Reads the lexicon from <paramref name="path"/> when given, otherwise the embedded default.</summary>
    public static Lexicon Load(string? path = null) => Parse(ReadContent(path, "lexicon.json"));

    internal static string ReadContent(string? path, string resourceName)
    {
        if (!string.IsNullOrWhiteSpace(path)) return File.ReadAllText(path);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("GiftBot.Language." + resourceName)
            ?? throw new InvalidOperationException($"Embedded resource {resourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
