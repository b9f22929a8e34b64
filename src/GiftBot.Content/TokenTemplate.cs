using System.Text.RegularExpressions;

namespace GiftBot.Content;

/// <summary>Resolves {{token}} placeholders. A token without a value disappears together with the space before it, so "Hi {{first_name}}!" becomes "Hi!".</summary>
public static partial class TokenTemplate
{
    [GeneratedRegex(@"\s?\{\{\s*([a-zA-Z0-9_\.]+)\s*\}\}")]
    private static partial Regex TokenPattern();

    public static string Resolve(string template, IReadOnlyDictionary<string, string?>? tokens)
    {
        if (!template.Contains("{{", StringComparison.Ordinal)) return template;
        return TokenPattern().Replace(template, match =>
        {
            var leadingSpace = match.Value.StartsWith(' ') || match.Value.StartsWith('\t') ? match.Value[0].ToString() : "";
            return tokens is not null && tokens.TryGetValue(match.Groups[1].Value, out var value) && !string.IsNullOrEmpty(value)
                ? leadingSpace + value
                : "";
        });
    }

    public static IEnumerable<string> TokensIn(string template) =>
        TokenPattern().Matches(template).Select(m => m.Groups[1].Value);
}
