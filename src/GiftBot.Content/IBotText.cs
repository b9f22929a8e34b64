namespace GiftBot.Content;

/// <summary>
/// Everything the bot says, looked up by content key (e.g. "giftFinder.askAge") in the locale files under content/.
/// Tokens are written {{name}} in the files; unknown or missing tokens are removed gracefully (never shown raw).
/// </summary>
public interface IBotText
{
    /// <summary>The text for <paramref name="key"/> in <paramref name="locale"/> (falls back to the default locale), tokens resolved.</summary>
    string Get(string key, string? locale = null, IReadOnlyDictionary<string, string?>? tokens = null);

    /// <summary>All variants of a key (a key may hold a list of alternative lines).</summary>
    IReadOnlyList<string> GetVariants(string key, string? locale = null, IReadOnlyDictionary<string, string?>? tokens = null);

    bool Has(string key, string? locale = null);
}
