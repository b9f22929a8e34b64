using System.Text;
using System.Text.RegularExpressions;

namespace GiftBot.Content;

/// <summary>One PFX/SFX rule of a Hunspell .aff file: strip <see cref="Strip"/>, add <see cref="Add"/>, if the stem matches the condition.</summary>
internal sealed record AffixRule(string Flag, bool IsPrefix, bool CrossProduct, string Strip, string Add, Regex? Condition);

/// <summary>The parts of a Hunspell .aff file that decide whether a word is known (suggestion and compounding settings are ignored).</summary>
internal sealed class HunspellAffixes
{
    public List<AffixRule> Prefixes { get; } = [];
    public List<AffixRule> Suffixes { get; } = [];
    public string FlagMode { get; private set; } = "char";
    public Encoding Encoding { get; private set; } = Encoding.UTF8;
    public HashSet<string> NotAlone { get; } = new(StringComparer.Ordinal);   // NEEDAFFIX, ONLYINCOMPOUND
    public HashSet<string> Forbidden { get; } = new(StringComparer.Ordinal);  // FORBIDDENWORD
    public List<(string From, string To)> InputConversions { get; } = [];

    public static HunspellAffixes Load(string affPath)
    {
        var affixes = new HunspellAffixes();
        // The encoding line comes first; read once as Latin-1 to find it, then again properly.
        var set = File.ReadLines(affPath, Encoding.Latin1).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("SET ", StringComparison.Ordinal));
        if (set is not null) affixes.Encoding = EncodingFor(set[4..].Trim());
        var headers = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(affPath, affixes.Encoding))
        {
            var parts = raw.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || parts[0].StartsWith('#')) continue;
            switch (parts[0])
            {
                case "FLAG": affixes.FlagMode = parts[1]; break;
                case "NEEDAFFIX" or "ONLYINCOMPOUND" or "PSEUDOROOT": affixes.NotAlone.Add(parts[1]); break;
                case "FORBIDDENWORD": affixes.Forbidden.Add(parts[1]); break;
                case "ICONV" when parts.Length >= 3: affixes.InputConversions.Add((parts[1], parts[2])); break;
                case "PFX" or "SFX" when parts.Length >= 4 && !headers.ContainsKey(parts[0] + parts[1]) && int.TryParse(parts[3], out _):
                    headers[parts[0] + parts[1]] = parts[2] == "Y";
                    break;
                case "PFX" or "SFX" when parts.Length >= 4:
                    var isPrefix = parts[0] == "PFX";
                    var add = parts[3].Split('/')[0]; // continuation classes after "/" are not followed (documented limit)
                    var rule = new AffixRule(parts[1], isPrefix, headers.GetValueOrDefault(parts[0] + parts[1]),
                        parts[2] == "0" ? "" : parts[2], add == "0" ? "" : add, Condition(parts.Length > 4 ? parts[4] : ".", isPrefix));
                    (isPrefix ? affixes.Prefixes : affixes.Suffixes).Add(rule);
                    break;
            }
        }
        return affixes;
    }

    /// <summary>Splits a .dic entry's flag string according to the FLAG mode (char, long, num, UTF-8).</summary>
    public IEnumerable<string> SplitFlags(string flags) => FlagMode switch
    {
        "long" => Enumerable.Range(0, flags.Length / 2).Select(i => flags.Substring(i * 2, 2)),
        "num" => flags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => flags.EnumerateRunes().Select(r => r.ToString()),
    };

    public string Convert(string word) => InputConversions.Aggregate(word, (w, c) => w.Replace(c.From, c.To, StringComparison.Ordinal));

    private static Regex? Condition(string condition, bool isPrefix)
    {
        if (condition == ".") return null;
        var pattern = Regex.Replace(condition, @"[\\\(\)\{\}\+\*\?\|\$\^](?![^\[]*\])", m => "\\" + m.Value);
        return new Regex(isPrefix ? "^" + pattern : pattern + "$", RegexOptions.CultureInvariant);
    }

    private static Encoding EncodingFor(string name)
    {
        if (name.Equals("UTF-8", StringComparison.OrdinalIgnoreCase)) return Encoding.UTF8;
        if (name.Equals("ISO8859-1", StringComparison.OrdinalIgnoreCase) || name.Equals("ISO-8859-1", StringComparison.OrdinalIgnoreCase)) return Encoding.Latin1;
        try { return Encoding.GetEncoding(name.Replace("ISO8859", "ISO-8859")); }
        catch (ArgumentException) { return Encoding.UTF8; }
    }
}
