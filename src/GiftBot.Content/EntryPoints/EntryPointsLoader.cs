using System.Text.Json;
using System.Text.RegularExpressions;

namespace GiftBot.Content.EntryPoints;

/// <summary>Reads and checks content/entry-points.json; every problem is reported with the preset's ref so a marketer can fix it.</summary>
public static partial class EntryPointsLoader
{
    public const string FileName = "entry-points.json";
    public const int MaxRefLength = 2083;
    public const int MaxLabelLength = 20;

    [GeneratedRegex("^[A-Za-z0-9_=-]+$")]
    private static partial Regex RefPattern();

    private static readonly JsonSerializerOptions Json = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        PropertyNameCaseInsensitive = true,
    };

    public static EntryPointsContent Load(string path)
    {
        EntryPointsContent? content;
        try { content = JsonSerializer.Deserialize<EntryPointsContent>(File.ReadAllText(path), Json); }
        catch (JsonException ex) { throw new InvalidDataException($"{path}: not valid JSON ({ex.Message}).", ex); }
        content ??= new EntryPointsContent();
        var problems = Validate(content);
        if (problems.Count > 0) throw new InvalidDataException($"{path}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        return content;
    }

    public static IReadOnlyList<string> Validate(EntryPointsContent content)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var preset in content.Presets)
        {
            var name = string.IsNullOrEmpty(preset.Ref) ? "(no ref)" : preset.Ref;
            if (string.IsNullOrEmpty(preset.Ref) || preset.Ref.Length > MaxRefLength || !RefPattern().IsMatch(preset.Ref))
                problems.Add($"{name}: ref must be 1-{MaxRefLength} letters, digits, '-', '_' or '='.");
            else if (!seen.Add(preset.Ref))
                problems.Add($"{name}: ref is used twice.");
            if (ShareRef.TryParse(preset.Ref, out _))
                problems.Add($"{name}: refs starting with '{ShareRef.Prefix}' are reserved for share links.");
            if (string.IsNullOrWhiteSpace(preset.Label) || preset.Label.Length > MaxLabelLength)
                problems.Add($"{name}: label must be 1-{MaxLabelLength} characters (it becomes a quick reply title).");
            if (string.IsNullOrWhiteSpace(preset.Welcome) && string.IsNullOrWhiteSpace(preset.WelcomeKey))
                problems.Add($"{name}: needs a welcome line or a welcomeKey.");
            if ((preset.GiftFinder is null) == string.IsNullOrWhiteSpace(preset.FaqTopic))
                problems.Add($"{name}: needs exactly one of giftFinder or faqTopic.");
            if (preset.GiftFinder is { } finder)
            {
                if (finder.AgeMin < 0 || finder.AgeMax < 0 || finder.AgeMin > finder.AgeMax)
                    problems.Add($"{name}: ageMin/ageMax must be non-negative with ageMin <= ageMax.");
                if (finder.BudgetMax <= 0)
                    problems.Add($"{name}: budgetMax must be positive.");
            }
        }
        return problems;
    }
}

/// <summary>
/// Share links: "https://m.me/&lt;page&gt;?ref=share-&lt;code&gt;" where the code identifies the sharer (an opaque code, not a PSID,
/// so links do not expose ids). The Messenger layer attributes the friend's arrival to the code; conversations resolve it.
/// </summary>
public static partial class ShareRef
{
    public const string Prefix = "share-";

    [GeneratedRegex("^[A-Za-z0-9_=-]{1,64}$")]
    private static partial Regex CodePattern();

    public static string Create(string sharerCode) =>
        CodePattern().IsMatch(sharerCode) ? Prefix + sharerCode : throw new ArgumentException("A share code is 1-64 letters, digits, '-', '_' or '='.", nameof(sharerCode));

    public static bool TryParse(string? reference, out string sharerCode)
    {
        sharerCode = "";
        if (reference is null || !reference.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return false;
        sharerCode = reference[Prefix.Length..];
        return CodePattern().IsMatch(sharerCode);
    }
}
