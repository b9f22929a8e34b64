using GiftBot.Language.Embedded;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace GiftBot.Language.Clu;

/// <summary>
/// Maps a CLU ConversationResult onto <see cref="RecognizerResult"/>: intents by category ('.' and ' ' become '_'),
/// entities whose category is one of ours (any case) into our documented formats (list keys, Age and Currency
/// resolutions, else our own parsing of the entity text), and our extractors for every entity CLU did not return.
/// </summary>
internal static class CluResultMapper
{
    private static readonly string[] OurEntities =
        [GiftEntities.Age, GiftEntities.Budget, GiftEntities.Recipient, GiftEntities.Interest, GiftEntities.ExcludedInterest, GiftEntities.Occasion, GiftEntities.FaqTopic];

    /// <exception cref="FormatException">The response lacks result.prediction.intents.</exception>
    public static RecognizerResult Map(JObject response, string text, RecognizerResult embedded, ISlotParser slots, LanguageModel model)
    {
        var prediction = response["result"]?["prediction"] as JObject ?? throw new FormatException("CLU response has no result.prediction.");
        if (prediction["intents"] is not JArray intents) throw new FormatException("CLU response has no prediction.intents array.");
        var result = new RecognizerResult
        {
            Text = text,
            AlteredText = embedded.AlteredText,
            Intents = new Dictionary<string, IntentScore>(),
            Entities = new JObject(),
        };
        foreach (var intent in intents.OfType<JObject>())
        {
            var category = intent.Value<string>("category");
            if (string.IsNullOrEmpty(category)) continue;
            result.Intents[category.Replace('.', '_').Replace(' ', '_')] = new IntentScore { Score = intent.Value<double?>("confidenceScore") ?? 0 };
        }
        foreach (var entity in (prediction["entities"] as JArray ?? []).OfType<JObject>())
        {
            var name = OurEntities.FirstOrDefault(n => string.Equals(n, entity.Value<string>("category"), StringComparison.OrdinalIgnoreCase));
            if (name is not null && MapEntity(name, entity, slots, model) is { } value)
                ((JArray)(result.Entities[name] ??= new JArray())).Add(value);
        }
        foreach (var name in OurEntities.Where(n => result.Entities[n] is null && embedded.Entities?[n] is JArray))
            result.Entities[name] = embedded.Entities![name]!.DeepClone();
        result.Properties["cluResult"] = response;
        return result;
    }

    private static JToken? MapEntity(string name, JObject entity, ISlotParser slots, LanguageModel model)
    {
        var text = entity.Value<string>("text") ?? "";
        var resolution = (entity["resolutions"] as JArray)?.OfType<JObject>().FirstOrDefault();
        switch (name)
        {
            case GiftEntities.Age:
                var years = resolution?.Value<string>("resolutionKind") == "AgeResolution" ? Years(resolution) : null;
                var age = years is { } y ? new AgeRange(y, y) : slots.ParseAge(text);
                return age is null ? null : new JObject { ["min"] = age.Min, ["max"] = age.Max };
            case GiftEntities.Budget:
                var budget = resolution?.Value<string>("resolutionKind") == "CurrencyResolution" && resolution.Value<decimal?>("value") is { } amount
                    ? new Budget(null, amount, resolution.Value<string>("ISO4217"))
                    : slots.ParseBudget(text);
                return budget is null ? null : new JObject { ["min"] = budget.Min, ["max"] = budget.Max, ["currency"] = budget.Currency, ["noLimit"] = budget.NoLimit };
            default:
                var listKey = (entity["extraInformation"] as JArray)?.OfType<JObject>()
                    .FirstOrDefault(e => e.Value<string>("extraInformationKind") == "ListKey")?.Value<string>("key");
                return listKey ?? Canonical(name, text, model);
        }
    }

    // A learned entity's text ("my mum") turned into our canonical value ("mother") when our vocabulary knows it.
    private static string Canonical(string name, string text, LanguageModel model)
    {
        var lookup = name == GiftEntities.ExcludedInterest ? GiftEntities.Interest : name;
        var entities = model.Recognize(text).Entities;
        return (entities?[lookup] as JArray)?.FirstOrDefault()?.Value<string>() ?? text.Trim().ToLowerInvariant();
    }

    private static int? Years(JObject resolution)
    {
        var value = resolution.Value<double?>("value");
        if (value is null) return null;
        return resolution.Value<string>("unit") switch
        {
            "Month" => (int)(value.Value / 12),
            "Week" => (int)(value.Value / 52),
            "Day" => (int)(value.Value / 365),
            _ => (int)value.Value,
        };
    }
}
