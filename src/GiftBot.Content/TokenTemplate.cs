using System.Text;
using System.Text.RegularExpressions;

namespace GiftBot.Content;

/// <summary>
/// Resolves {{token}} placeholders. A token without a value disappears without leaving odd spacing or punctuation:
/// "Hi {{first_name}}!" -> "Hi!", "Hi {{first_name}}, welcome" -> "Hi, welcome", "Welcome back, {{first_name}}!" ->
/// "Welcome back!", "{{first_name}}, your order ..." -> "Your order ...". Malformed tokens are left as written
/// (the content check reports them before they go live).
/// </summary>
public static partial class TokenTemplate
{
    [GeneratedRegex(@"\{\{\s*([a-zA-Z0-9_\.]+)\s*\}\}")]
    private static partial Regex TokenPattern();

    private const string ClauseEnd = ".,!?;:)";

    public static string Resolve(string template, IReadOnlyDictionary<string, string?>? tokens)
    {
        if (!template.Contains("{{", StringComparison.Ordinal)) return template;
        var output = new StringBuilder(template.Length);
        var position = 0;
        var capitalizeNext = false;
        // Matches as positions only (no Match, Group and capture objects per token: this runs for every line the bot says).
        foreach (var match in TokenPattern().EnumerateMatches(template))
        {
            AppendLiteral(output, template.AsSpan(position, match.Index - position), ref capitalizeNext);
            position = match.Index + match.Length;
            if (tokens is not null && tokens.TryGetValue(NameOf(template.AsSpan(match.Index, match.Length)), out var value) && !string.IsNullOrEmpty(value))
            {
                DropWordTheValueRepeats(output, value);
                AppendLiteral(output, value, ref capitalizeNext);
                continue;
            }
            position = DropEmptyToken(output, template, position, ref capitalizeNext);
        }
        AppendLiteral(output, template.AsSpan(position), ref capitalizeNext);
        return output.ToString();
    }

    // "{{ name }}" -> "name": what the pattern's group captures, the braces and the blanks (\s) around it left out.
    private static string NameOf(ReadOnlySpan<char> token) => token[2..^2].Trim().ToString();

    public static IEnumerable<string> TokensIn(string template) =>
        TokenPattern().Matches(template).Select(m => m.Groups[1].Value);

    /// <summary>The text with every well-formed token removed (what is left must not contain braces).</summary>
    public static string WithoutTokens(string template) => TokenPattern().Replace(template, "");

    // Removes the space before the empty token; a comma that introduced it when the clause ends right after it;
    // and, at the start of a sentence, the punctuation after it (capitalising what follows). Returns where to continue.
    private static int DropEmptyToken(StringBuilder output, string template, int after, ref bool capitalizeNext)
    {
        var trailingSpaces = 0;
        while (trailingSpaces < output.Length && output[output.Length - 1 - trailingSpaces] is ' ' or '\t') trailingSpaces++;
        output.Length -= trailingSpaces;
        var next = after < template.Length ? template[after] : '\0';
        var clauseEnds = next == '\0' || ClauseEnd.Contains(next);
        if (output.Length > 0 && output[^1] == ',' && clauseEnds) output.Length--;

        var atSentenceStart = output.Length == 0 || output[^1] is '\n' or '.' or '!' or '?';
        if (!atSentenceStart) return after; // the space after the token (if any) still separates the words
        while (after < template.Length && (template[after] is ',' or ';' or ':' || template[after] is ' ' or '\t')) after++;
        if (output.Length > 0 && output[^1] != '\n' && after < template.Length) output.Append(' ');
        capitalizeNext = true;
        return after;
    }

    // "I have the {{title}}" with "The Animal Atlas": the template's "the" goes, the title keeps its own ("le {{title}}"
    // with "Le Petit Prince" alike). Only a whole word just before the token, equal to the value's first word.
    private static void DropWordTheValueRepeats(StringBuilder output, string value)
    {
        var wordLength = value.IndexOf(' ');
        if (wordLength <= 0 || output.Length < wordLength + 1 || output[^1] != ' ') return;
        var start = output.Length - 1 - wordLength;
        if (start > 0 && !char.IsWhiteSpace(output[start - 1])) return;
        for (var i = 0; i < wordLength; i++)
            if (!char.IsLetter(value[i]) || char.ToLowerInvariant(output[start + i]) != char.ToLowerInvariant(value[i])) return;
        output.Length = start;
    }

    private static void AppendLiteral(StringBuilder output, ReadOnlySpan<char> text, ref bool capitalizeNext)
    {
        if (text.IsEmpty) return;
        if (capitalizeNext)
        {
            output.Append(char.ToUpperInvariant(text[0]));
            text = text[1..];
            capitalizeNext = false;
        }
        output.Append(text);
    }
}
