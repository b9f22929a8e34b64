using System.Text.Json;

namespace GiftBot.Content;

/// <summary>
/// Checks language/recipient-ages.json (which recipient words imply an age band): known band names, ages from 0 to 120
/// with min not above max, at least one word per band, no word in two bands, and occasions that lexicon.json knows.
/// A missing file is fine.
/// </summary>
internal static class RecipientAgeChecks
{
    public const string File = "language/recipient-ages.json";
    private static readonly HashSet<string> Bands = ["adult", "teen", "child", "baby"];

    public static void Run(string root, Findings findings)
    {
        var file = Path.Combine(root, File);
        if (!System.IO.File.Exists(file)) return;
        try
        {
            using var doc = ContentJson.ParseFile(file);
            if (!doc.RootElement.TryGetProperty("bands", out var bands) || bands.ValueKind != JsonValueKind.Array)
            {
                findings.Error(file, "bands", "must be a list of bands");
                return;
            }
            var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var occasions = KnownOccasions(root);
            var i = 0;
            foreach (var band in bands.EnumerateArray())
            {
                CheckBand(band, $"bands[{i}]", file, owner, findings);
                CheckOccasions(band, $"bands[{i++}]", file, occasions, findings);
            }
        }
        catch (ContentLoadException ex) { findings.Add(ex); }
    }

    private static void CheckBand(JsonElement band, string path, string file, Dictionary<string, string> owner, Findings findings)
    {
        var name = band.TryGetProperty("band", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
        if (!Bands.Contains(name)) findings.Error(file, path + ".band", $"'{name}' is not a band; use one of {string.Join(", ", Bands)}");
        var min = Age(band, "min", path, file, findings);
        var max = Age(band, "max", path, file, findings);
        if (min > max) findings.Error(file, path, $"min ({min}) is above max ({max})");
        if (!band.TryGetProperty("recipients", out var words) || words.ValueKind != JsonValueKind.Array || words.GetArrayLength() == 0)
        {
            findings.Error(file, path + ".recipients", "needs at least one recipient word");
            return;
        }
        foreach (var word in words.EnumerateArray().Select(w => w.ValueKind == JsonValueKind.String ? w.GetString()!.Trim() : ""))
        {
            if (word.Length == 0) findings.Error(file, path + ".recipients", "has an empty word");
            else if (owner.TryGetValue(word, out var other) && other != name) findings.Error(file, path + ".recipients", $"'{word}' is also in the {other} band");
            else owner[word] = name;
        }
    }

    /// <summary>The canonical occasions of language/lexicon.json; null when it is absent or has none (nothing to check against).</summary>
    private static HashSet<string>? KnownOccasions(string root)
    {
        var lexicon = Path.Combine(root, "language", "lexicon.json");
        if (!System.IO.File.Exists(lexicon)) return null;
        using var doc = ContentJson.ParseFile(lexicon);
        return doc.RootElement.TryGetProperty("occasions", out var o) && o.ValueKind == JsonValueKind.Object
            ? o.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : null;
    }

    private static void CheckOccasions(JsonElement band, string path, string file, HashSet<string>? known, Findings findings)
    {
        if (!band.TryGetProperty("occasions", out var occasions)) return;
        if (occasions.ValueKind != JsonValueKind.Array)
        {
            findings.Error(file, path + ".occasions", "must be a list of occasions");
            return;
        }
        foreach (var occasion in occasions.EnumerateArray())
        {
            var name = occasion.ValueKind == JsonValueKind.String ? occasion.GetString()!.Trim() : "";
            if (name.Length == 0) findings.Error(file, path + ".occasions", "has an empty occasion");
            else if (known is not null && !known.Contains(name)) findings.Error(file, path + ".occasions", $"'{name}' is not an occasion in language/lexicon.json");
        }
    }

    private static int Age(JsonElement band, string key, string path, string file, Findings findings)
    {
        if (band.TryGetProperty(key, out var value) && value.TryGetInt32(out var age) && age is >= 0 and <= 120) return age;
        findings.Error(file, $"{path}.{key}", "must be a whole number of years from 0 to 120");
        return 0;
    }
}
