namespace GiftBot.Content;

/// <summary>
/// A pragmatic reader of Hunspell dictionaries (.dic word list + .aff affix rules), enough to tell whether a word in
/// bot text is spelled right without the hunspell binary. It applies one suffix, one prefix or a cross-product pair
/// to the listed stems, honours FLAG modes, NEEDAFFIX/ONLYINCOMPOUND/FORBIDDENWORD, ICONV and Hunspell's case rules
/// (a lower-case stem also accepts Capitalised and UPPER forms). Not supported: compound words (COMPOUNDRULE etc.),
/// two-level affix stripping (continuation classes), and suggestions. So a dictionary that relies on those (many
/// non-English ones) reports some correct words; add them to content/spelling-allowlist.txt.
/// </summary>
public sealed class HunspellDictionary
{
    private readonly Dictionary<string, HashSet<string>> _stems;
    private readonly HunspellAffixes _affixes;

    private HunspellDictionary(Dictionary<string, HashSet<string>> stems, HunspellAffixes affixes)
    {
        _stems = stems;
        _affixes = affixes;
    }

    public int StemCount => _stems.Count;

    public static HunspellDictionary Load(string dicPath, string affPath)
    {
        var affixes = HunspellAffixes.Load(affPath);
        var stems = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(dicPath, affixes.Encoding).Skip(1)) // line 1 is the approximate word count
        {
            var entry = raw.Split([' ', '\t'], 2)[0];
            if (entry.Length == 0) continue;
            var slash = entry.IndexOf('/');
            var word = slash < 0 ? entry : entry[..slash];
            var flags = slash < 0 ? [] : affixes.SplitFlags(entry[(slash + 1)..]);
            if (!stems.TryGetValue(word, out var set)) stems[word] = set = new HashSet<string>(StringComparer.Ordinal);
            set.UnionWith(flags);
        }
        return new HunspellDictionary(stems, affixes);
    }

    public bool IsCorrect(string word)
    {
        word = _affixes.Convert(word);
        if (IsKnown(word)) return true;
        if (word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            return IsKnown(word.ToLowerInvariant()) || IsKnown(char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant());
        return char.IsUpper(word[0]) && IsKnown(char.ToLowerInvariant(word[0]) + word[1..]);
    }

    private bool IsKnown(string word)
    {
        if (_stems.TryGetValue(word, out var flags) && IsUsableAlone(flags)) return true;
        foreach (var suffix in _affixes.Suffixes)
            if (Unsuffix(word, suffix) is { } stem && HasFlag(stem, suffix.Flag)) return true;
        foreach (var prefix in _affixes.Prefixes)
        {
            if (Unprefix(word, prefix) is not { } rest) continue;
            if (HasFlag(rest, prefix.Flag)) return true;
            if (!prefix.CrossProduct) continue;
            foreach (var suffix in _affixes.Suffixes.Where(s => s.CrossProduct))
                if (Unsuffix(rest, suffix) is { } stem && HasFlag(stem, suffix.Flag) && HasFlag(stem, prefix.Flag)) return true;
        }
        return false;
    }

    private bool IsUsableAlone(HashSet<string> flags) => !flags.Overlaps(_affixes.NotAlone) && !flags.Overlaps(_affixes.Forbidden);

    private bool HasFlag(string stem, string flag) =>
        _stems.TryGetValue(stem, out var flags) && flags.Contains(flag) && !flags.Overlaps(_affixes.Forbidden);

    private static string? Unsuffix(string word, AffixRule rule)
    {
        if (word.Length <= rule.Add.Length || !word.EndsWith(rule.Add, StringComparison.Ordinal)) return null;
        var stem = word[..^rule.Add.Length] + rule.Strip;
        return rule.Condition is null || rule.Condition.IsMatch(stem) ? stem : null;
    }

    private static string? Unprefix(string word, AffixRule rule)
    {
        if (word.Length <= rule.Add.Length || !word.StartsWith(rule.Add, StringComparison.Ordinal)) return null;
        var stem = rule.Strip + word[rule.Add.Length..];
        return rule.Condition is null || rule.Condition.IsMatch(stem) ? stem : null;
    }
}
