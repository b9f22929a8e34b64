namespace GiftBot.Content;

/// <summary>Unknown and malformed {{tokens}}: an unknown name would silently vanish, a malformed one would be shown raw.</summary>
internal static class TokenChecks
{
    public static void Check(string text, IReadOnlySet<string> allowed, Findings findings, string file, string? path, string? hint = null)
    {
        foreach (var token in TokenTemplate.TokensIn(text).Distinct(StringComparer.Ordinal).Where(t => !allowed.Contains(t)))
            findings.Error(file, path, $"unknown token {{{{{token}}}}}{hint ?? ""} (allowed here: {Describe(allowed)})");
        var rest = TokenTemplate.WithoutTokens(text);
        var brace = rest.IndexOfAny(['{', '}']);
        if (brace >= 0)
            findings.Error(file, path, $"unclosed or malformed token near \"{Snippet(rest, brace)}\" (write tokens as {{{{name}}}})");
    }

    /// <summary>Text length once tokens are filled in: known values where we have them, a typical length otherwise.</summary>
    public static int EstimatedLength(string text, IReadOnlyDictionary<string, string?> knownValues)
    {
        var length = TokenTemplate.WithoutTokens(text).Length;
        foreach (var token in TokenTemplate.TokensIn(text))
            length += knownValues.TryGetValue(token, out var value) && value is not null ? value.Length : TypicalLength(token);
        return length;
    }

    public static void CheckLength(string text, int limit, string what, IReadOnlyDictionary<string, string?> knownValues,
        Findings findings, string file, string? path)
    {
        var length = EstimatedLength(text, knownValues);
        if (length > limit)
            findings.Error(file, path, $"is {length} characters{(TokenTemplate.TokensIn(text).Any() ? " with tokens filled in" : "")}; Messenger allows {limit} for {what}");
    }

    private static int TypicalLength(string token) => token switch
    {
        TokenNames.FirstName or "user_first_name" => 12,
        "user_last_name" => 12,
        "user_full_name" => 25,
        TokenNames.BackAt => 25,
        _ => 10,
    };

    private static string Describe(IReadOnlySet<string> allowed) =>
        allowed.Count == 0 ? "none" : string.Join(", ", allowed.Order(StringComparer.Ordinal).Select(t => $"{{{{{t}}}}}"));

    private static string Snippet(string text, int at)
    {
        var start = Math.Max(0, at - 15);
        return text.Substring(start, Math.Min(30, text.Length - start)).Trim();
    }
}
