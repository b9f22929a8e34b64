using System.Text.RegularExpressions;

namespace GiftBot.Content;

/// <summary>A piece of bot text to spell-check, with where it came from.</summary>
internal sealed record SpellingItem(string Locale, string File, string Path, string Text);

/// <summary>
/// Spell-checks bot text per locale with Hunspell dictionaries and the shop's own words (content/spelling-allowlist.txt).
/// Tokens, URLs, e-mail addresses, numbers and UPPER_SNAKE payloads are skipped. A missing dictionary is reported with
/// the command that installs it, and spelling for that locale is skipped (a warning for the default locale).
/// </summary>
internal static partial class SpellingCheck
{
    public const string AllowlistFile = "spelling-allowlist.txt";

    [GeneratedRegex(@"\{\{[^}]*\}\}|https?://\S+|www\.\S+|\S+@\S+\.\S+|\b[A-Z][A-Z0-9]*_[A-Z0-9_:]*\b")]
    private static partial Regex Skipped();

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}'’]*")]
    private static partial Regex Word();

    public static void Run(IEnumerable<SpellingItem> items, string root, string defaultLocale, DictionaryLocator locator, Findings findings)
    {
        var allowed = LoadAllowlist(Path.Combine(root, AllowlistFile));
        foreach (var locale in items.GroupBy(i => i.Locale, StringComparer.OrdinalIgnoreCase))
        {
            var found = locator.Find(locale.Key);
            if (found is null)
            {
                var isDefault = locale.Key.Equals(defaultLocale, StringComparison.OrdinalIgnoreCase);
                findings.Add(isDefault ? FindingSeverity.Warning : FindingSeverity.Info, $"{BotContent.TextFolder}/{locale.Key}", null,
                    $"spelling not checked: no Hunspell dictionary for {locale.Key} in {string.Join(", ", locator.Folders)}. " +
                    $"Install it with: sudo apt-get install hunspell {DictionaryLocator.DebianPackage(locale.Key)}");
                continue;
            }
            var dictionary = HunspellDictionary.Load(found.Value.Dic, found.Value.Aff);
            foreach (var item in locale)
            {
                var wrong = Words(item.Text).Where(w => !allowed.Contains(w) && !dictionary.IsCorrect(w)).Distinct(StringComparer.Ordinal).ToList();
                if (wrong.Count > 0)
                    findings.Warning(item.File, item.Path, $"possible misspelling: {string.Join(", ", wrong.Select(w => $"\"{w}\""))} " +
                        $"(if right, add to {AllowlistFile})");
            }
        }
    }

    public static IEnumerable<string> Words(string text) =>
        Word().Matches(Skipped().Replace(text, " ")).Select(m => m.Value.Replace('’', '\'').Trim('\''))
            .Where(w => w.Length > 1 && !w.Any(char.IsDigit));

    private static HashSet<string> LoadAllowlist(string file) =>
        File.Exists(file)
            ? File.ReadAllLines(file).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}
