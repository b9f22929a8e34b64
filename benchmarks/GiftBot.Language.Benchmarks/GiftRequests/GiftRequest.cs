using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Language.Benchmarks.GiftRequests;

/// <summary>
/// One labelled one-sentence gift request (gift-requests.*.jsonl): what a person who never saw GiftBot's rules
/// would read out of the sentence. Labels are the measure only; nothing in the bot is built from them.
/// </summary>
internal sealed record GiftRequest
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public string? Recipient { get; init; }
    public int? Age { get; init; }
    /// <summary>"adult", "teen", "child" or "baby" when no number is given but the recipient implies it.</summary>
    public string? AgeBand { get; init; }
    public LabelledBudget? Budget { get; init; }
    public string? Interest { get; init; }
    /// <summary>Catalog themes that fit the interest by meaning; empty when none fits.</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<string> Excludes { get; init; } = [];
    /// <summary>Kinds of thing ruled out inside a theme that is still wanted ("into building but no lego"): no shown
    /// product's title or description may name them. Optional; labelled by stem ("plush" for "plushies").</summary>
    public IReadOnlyList<string> ExcludedWords { get; init; } = [];

    public bool StatesAgeBudgetAndInterest => (Age is not null || AgeBand is not null) && Budget is not null && Interest is not null;

    public static IReadOnlyList<GiftRequest> Load(string path) =>
        File.ReadLines(path).Select((line, index) => (line, index)).Where(x => !string.IsNullOrWhiteSpace(x.line)).Select(x =>
        {
            try
            {
                return Parse(JObject.Parse(x.line));
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or FormatException)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)} line {x.index + 1}: {e.Message}", e);
            }
        }).ToList();

    private static GiftRequest Parse(JObject o) => new()
    {
        Id = o.Value<string>("id") ?? throw new InvalidDataException("id is missing"),
        Text = o.Value<string>("text") ?? throw new InvalidDataException("text is missing"),
        Recipient = o.Value<string?>("recipient"),
        Age = o.Value<int?>("age"),
        AgeBand = o.Value<string?>("ageBand"),
        Budget = o["budget"] is JObject b ? new LabelledBudget(
            b.Value<decimal>("amount"), b.Value<string?>("currency") ?? "EUR", b.Value<string?>("kind") ?? "max", b.Value<decimal?>("min"),
            b.Value<bool?>("perGift") ?? false, b.Value<int?>("count") ?? 1) : null,
        Interest = o.Value<string?>("interest"),
        Themes = (o["themes"] as JArray)?.Select(t => t.Value<string>()!).ToList() ?? [],
        Excludes = (o["excludes"] as JArray)?.Select(t => t.Value<string>()!).ToList() ?? [],
        ExcludedWords = (o["excludedWords"] as JArray)?.Select(t => t.Value<string>()!).ToList() ?? [],
    };
}

/// <param name="Amount">The ceiling as written ("max" and "range" alike: the top of the range).</param>
internal sealed record LabelledBudget(decimal Amount, string Currency, string Kind, decimal? Min, bool PerGift, int Count);

/// <summary>The age a band stands for when judging whether a product fits it: the bands EVALSET.md labels with (baby 0-1, child 2-12, teen 13-17, adult 18+).</summary>
internal static class AgeBands
{
    public static (int Min, int Max)? Range(string? band) => band switch
    {
        "adult" => (18, 99),
        "teen" => (13, 17),
        "child" => (2, 12),
        "baby" => (0, 1),
        _ => null,
    };
}
