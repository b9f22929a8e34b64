namespace GiftBot.Content;

/// <summary>
/// A piece of bot text named in a data file (FAQ answers, button titles): either a key into content/text
/// ("answerKey": "faq.returns.answer") or text written inline (see <see cref="LocalizedText"/>).
/// </summary>
public sealed record TextRef(string? Key, LocalizedText? Inline)
{
    public static TextRef FromKey(string key) => new(key, null);
    public static TextRef FromInline(LocalizedText text) => new(null, text);

    /// <summary>The text in <paramref name="locale"/> with tokens resolved, or null when neither the key nor inline text exists.</summary>
    public string? Resolve(IBotText text, string? locale, string defaultLocale, IReadOnlyDictionary<string, string?>? tokens = null)
    {
        if (Key is not null)
            return text.Has(Key, locale) ? text.Get(Key, locale, tokens) : null;
        var raw = Inline?.Get(locale, defaultLocale);
        return raw is null ? null : TokenTemplate.Resolve(raw, tokens);
    }
}
