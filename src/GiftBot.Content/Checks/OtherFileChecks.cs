using System.Text.Json;
using System.Text.RegularExpressions;

namespace GiftBot.Content;

/// <summary>
/// Checks files other parts of GiftBot own, by what their fields mean on Messenger rather than by their exact shape
/// (so they keep being checked as those files grow): messenger-profile.json, entry-points.json, catalog/themes.csv.
/// A missing file is fine; an unreadable one is an error.
/// </summary>
internal static partial class OtherFileChecks
{
    public const string MessengerProfileFile = "messenger-profile.json";
    public const string EntryPointsFile = "entry-points.json";
    public const string ThemesFile = "catalog/themes.csv";

    [GeneratedRegex(@"^([a-z]{2,3}([-_][A-Za-z]{2,4})?|default)$")]
    private static partial Regex LocaleName();

    public static void Run(string root, IReadOnlyDictionary<string, string?> tokenValues, Findings findings)
    {
        var profileTokens = TokenNames.MessengerGreeting.Concat(TokenNames.Standard.Where(t => t is not (TokenNames.FirstName or TokenNames.BackAt)))
            .ToHashSet(StringComparer.Ordinal);
        CheckJson(Path.Combine(root, MessengerProfileFile), profileTokens, " (Messenger's greeting uses {{user_first_name}})", tokenValues, findings);
        CheckJson(Path.Combine(root, EntryPointsFile), TokenNames.Standard.ToHashSet(StringComparer.Ordinal), null, tokenValues, findings);
        CheckThemes(Path.Combine(root, ThemesFile), findings);
        RecipientAgeChecks.Run(root, findings);
    }

    private static void CheckJson(string file, IReadOnlySet<string> tokens, string? hint, IReadOnlyDictionary<string, string?> tokenValues, Findings findings)
    {
        if (!File.Exists(file)) return;
        try
        {
            using var doc = ContentJson.ParseFile(file);
            Walk(doc.RootElement, "", [], file, tokens, hint, tokenValues, findings);
        }
        catch (ContentLoadException ex) { findings.Add(ex); }
    }

    private static void Walk(JsonElement element, string path, IReadOnlyList<string> names, string file, IReadOnlySet<string> tokens,
        string? hint, IReadOnlyDictionary<string, string?> tokenValues, Findings findings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                    Walk(p.Value, ContentJson.Join(path, p.Name), LocaleName().IsMatch(p.Name) ? names : [.. names, p.Name], file, tokens, hint, tokenValues, findings);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray()) Walk(item, $"{path}[{i++}]", names, file, tokens, hint, tokenValues, findings);
                break;
            case JsonValueKind.String:
                CheckString(element.GetString()!, path, names, file, tokens, hint, tokenValues, findings);
                break;
        }
    }

    private static void CheckString(string value, string path, IReadOnlyList<string> names, string file, IReadOnlySet<string> tokens,
        string? hint, IReadOnlyDictionary<string, string?> tokenValues, Findings findings)
    {
        var name = names.Count > 0 ? names[^1] : "";
        bool Under(params string[] parents) => names.Take(names.Count - 1).Any(n => parents.Contains(n, StringComparer.OrdinalIgnoreCase));
        TokenChecks.Check(value, tokens, findings, file, path, hint);
        if (IsUrlField(name, names) && value.Length > 0 && !TokenTemplate.TokensIn(value).Any() && !ContentUrl.IsWebUrl(value))
            findings.Error(file, path, $"'{value}' must be an absolute http(s) URL");
        var (limit, what) = name.ToLowerInvariant() switch
        {
            "text" when Under("greeting") => (MessengerLimits.Greeting, "the greeting"),
            "title" when Under("persistent_menu", "persistentMenu") => (MessengerLimits.PersistentMenuTitle, "a menu item"),
            "title" when Under("quick_replies", "quickReplies") => (MessengerLimits.QuickReplyTitle, "a quick reply title"),
            "title" when Under("buttons", "call_to_actions") => (MessengerLimits.ButtonTitle, "a button title"),
            "title" when Under("elements", "cards") => (MessengerLimits.GenericTitle, "a card title"),
            "subtitle" => (MessengerLimits.GenericSubtitle, "a card subtitle"),
            "payload" => (MessengerLimits.Payload, "a payload"),
            "text" or "message" => (MessengerLimits.Text, "a message"),
            _ => (0, ""),
        };
        if (limit > 0) TokenChecks.CheckLength(value, limit, what, tokenValues, findings, file, path);
    }

    private static bool IsUrlField(string name, IReadOnlyList<string> names) =>
        name.Equals("url", StringComparison.OrdinalIgnoreCase) || name.EndsWith("_url", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("Url", StringComparison.Ordinal) || names.Contains("whitelisted_domains", StringComparer.OrdinalIgnoreCase);

    // Interest themes become quick replies in the gift finder, so their display titles must fit 20 characters.
    private static void CheckThemes(string file, Findings findings)
    {
        if (!File.Exists(file)) return;
        var lines = File.ReadAllLines(file);
        if (lines.Length == 0) return;
        var header = CsvLine.Split(lines[0]);
        var titleColumns = header.Select((h, i) => (h, i))
            .Where(c => c.h.StartsWith("label", StringComparison.OrdinalIgnoreCase) || c.h.StartsWith("title", StringComparison.OrdinalIgnoreCase)
                        || c.h.StartsWith("display", StringComparison.OrdinalIgnoreCase) || c.h.StartsWith("quick_reply", StringComparison.OrdinalIgnoreCase))
            .ToList();
        for (var line = 1; line < lines.Length; line++)
        {
            var cells = CsvLine.Split(lines[line]);
            foreach (var (column, index) in titleColumns.Where(c => c.i < cells.Count && cells[c.i].Length > MessengerLimits.QuickReplyTitle))
                findings.Error(file, $"line {line + 1}, {column}",
                    $"'{cells[index]}' is {cells[index].Length} characters; a quick reply title allows {MessengerLimits.QuickReplyTitle}");
        }
    }
}
