using System.Globalization;
using Newtonsoft.Json.Linq;

namespace GiftBot.Language.Benchmarks;

/// <summary>One labelled held-out utterance: its intent and its entities as comparable strings per entity type.</summary>
internal sealed record LabelledUtterance(string Text, string Intent, IReadOnlyDictionary<string, List<string>> Entities);

internal static class HeldOutSet
{
    public static List<LabelledUtterance> Load(string path) =>
        File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(JObject.Parse)
            .Select(o => new LabelledUtterance(o.Value<string>("text")!, o.Value<string>("intent")!, Normalize(o["entities"] as JObject)))
            .ToList();

    /// <summary>Entity values as strings so expected and recognized entities compare exactly ("age" 8–8 → "8-8").</summary>
    public static Dictionary<string, List<string>> Normalize(JObject? entities)
    {
        var result = new Dictionary<string, List<string>>();
        if (entities is null) return result;
        foreach (var (name, token) in entities)
        {
            if (name.StartsWith('$') || token is not JArray values) continue;
            result[name] = values.Select(v => Format(name, v)).ToList();
        }
        return result;
    }

    private static string Format(string name, JToken value) => name switch
    {
        GiftEntities.Age => $"{value.Value<int>("min")}-{value.Value<int>("max")}",
        GiftEntities.Budget => value.Value<bool?>("noLimit") == true
            ? "no-limit"
            : $"{Amount(value["min"])}..{Amount(value["max"])} {value.Value<string?>("currency") ?? "?"}",
        _ => value.Type == JTokenType.String ? value.Value<string>()!.ToLowerInvariant() : value.ToString(Newtonsoft.Json.Formatting.None),
    };

    private static string Amount(JToken? token) =>
        token is null || token.Type == JTokenType.Null ? "" : token.Value<decimal>().ToString("0.##", CultureInfo.InvariantCulture);
}
