using System.Text.Json;

namespace GiftBot.Content;

/// <summary>
/// Checks language/recipient-ages.json (which recipient words imply an age band): known band names, ages from 0 to 120
/// with min not above max, at least one word per band, no word in two bands, occasions that lexicon.json knows, and
/// recipients whose age is seldom said that lexicon.json knows (a word shoppers type or a canonical recipient), and
/// youngest ages from 0 to 120 for recipients lexicon.json knows.
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
            var recipients = KnownRecipients(root);
            CheckAgeSeldomSaid(doc.RootElement, file, recipients, findings);
            CheckYoungestAges(doc.RootElement, file, recipients, findings);
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

    /// <summary>Every recipient word and canonical recipient of language/lexicon.json; null when it is absent or has none.</summary>
    private static HashSet<string>? KnownRecipients(string root)
    {
        var lexicon = Path.Combine(root, "language", "lexicon.json");
        if (!System.IO.File.Exists(lexicon)) return null;
        using var doc = ContentJson.ParseFile(lexicon);
        if (!doc.RootElement.TryGetProperty("recipients", out var r) || r.ValueKind != JsonValueKind.Object) return null;
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var canonical in r.EnumerateObject())
        {
            known.Add(canonical.Name);
            if (canonical.Value.ValueKind == JsonValueKind.Array)
                known.UnionWith(canonical.Value.EnumerateArray().Where(w => w.ValueKind == JsonValueKind.String).Select(w => w.GetString()!.Trim()));
        }
        return known;
    }

    // "coworker, 20": a lone number after these is read as the budget, so a misspelt entry would silently do nothing.
    private static void CheckAgeSeldomSaid(JsonElement root, string file, HashSet<string>? known, Findings findings)
    {
        if (!root.TryGetProperty("ageSeldomSaid", out var list)) return;
        if (list.ValueKind != JsonValueKind.Array)
        {
            findings.Error(file, "ageSeldomSaid", "must be a list of recipient words");
            return;
        }
        foreach (var word in list.EnumerateArray().Select(w => w.ValueKind == JsonValueKind.String ? w.GetString()!.Trim() : ""))
        {
            if (word.Length == 0) findings.Error(file, "ageSeldomSaid", "has an empty word");
            else if (known is not null && !known.Contains(word)) findings.Error(file, "ageSeldomSaid", $"'{word}' is not a recipient in language/lexicon.json");
        }
    }

    // "grandad, 20": a lone number below these ages is read as the budget; a misspelt recipient would silently do nothing.
    private static void CheckYoungestAges(JsonElement root, string file, HashSet<string>? known, Findings findings)
    {
        if (!root.TryGetProperty("youngestAges", out var list)) return;
        if (list.ValueKind != JsonValueKind.Array)
        {
            findings.Error(file, "youngestAges", "must be a list of { age, recipients }");
            return;
        }
        var i = 0;
        foreach (var entry in list.EnumerateArray())
        {
            var path = $"youngestAges[{i++}]";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                findings.Error(file, path, "must be an object with an age and recipients");
                continue;
            }
            Age(entry, "age", path, file, findings);
            if (!entry.TryGetProperty("recipients", out var words) || words.ValueKind != JsonValueKind.Array || words.GetArrayLength() == 0)
            {
                findings.Error(file, path + ".recipients", "needs at least one recipient word");
                continue;
            }
            foreach (var word in words.EnumerateArray().Select(w => w.ValueKind == JsonValueKind.String ? w.GetString()!.Trim() : ""))
            {
                if (word.Length == 0) findings.Error(file, path + ".recipients", "has an empty word");
                else if (known is not null && !known.Contains(word)) findings.Error(file, path + ".recipients", $"'{word}' is not a recipient in language/lexicon.json");
            }
        }
    }

    private static int Age(JsonElement band, string key, string path, string file, Findings findings)
    {
        if (band.TryGetProperty(key, out var value) && value.TryGetInt32(out var age) && age is >= 0 and <= 120) return age;
        findings.Error(file, $"{path}.{key}", "must be a whole number of years from 0 to 120");
        return 0;
    }
}
