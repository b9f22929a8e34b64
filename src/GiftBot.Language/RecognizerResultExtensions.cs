using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace GiftBot.Language;

/// <summary>Turns the JSON entities every recognizer writes into a typed <see cref="ShopperUnderstanding"/>.</summary>
public static class RecognizerResultExtensions
{
    public static ShopperUnderstanding ToShopperUnderstanding(this RecognizerResult result)
    {
        var (intent, score) = result.Intents is { Count: > 0 } ? result.GetTopScoringIntent() : (GiftIntents.None, 0.0);
        var entities = result.Entities ?? new JObject();
        return new ShopperUnderstanding
        {
            Intent = string.IsNullOrEmpty(intent) ? GiftIntents.None : intent,
            Score = score,
            Age = First(entities, GiftEntities.Age) is JObject age
                ? new AgeRange(age.Value<int>("min"), age.Value<int>("max")) { IsBand = age.Value<bool?>("band") ?? false } : null,
            Budget = First(entities, GiftEntities.Budget) is JObject budget
                ? new Budget(budget.Value<decimal?>("min"), budget.Value<decimal?>("max"), budget.Value<string?>("currency"), budget.Value<bool?>("noLimit") ?? false,
                    budget.Value<bool?>("perGift") ?? false, Math.Max(1, budget.Value<int?>("count") ?? 1))
                : null,
            AgeUnsure = First(entities, GiftEntities.AgeUnsure)?.Type == JTokenType.Boolean && First(entities, GiftEntities.AgeUnsure)!.Value<bool>(),
            InterestsOpen = First(entities, GiftEntities.InterestsOpen)?.Type == JTokenType.Boolean && First(entities, GiftEntities.InterestsOpen)!.Value<bool>(),
            ImpliedAge = First(entities, GiftEntities.AgeBand) is JObject band
                ? new AgeBand(band.Value<string>("band") ?? "", band.Value<int>("min"), band.Value<int>("max")) : null,
            Wish = First(entities, GiftEntities.Wish)?.Value<string>(),
            Recipient = First(entities, GiftEntities.Recipient)?.Value<string>(),
            RecipientWords = (entities["$instance"]?[GiftEntities.Recipient] as JArray)?.FirstOrDefault()?["text"]?.Value<string>(),
            RecipientOwner = First(entities, GiftEntities.RecipientOwner)?.Value<string>(),
            Interests = Strings(entities, GiftEntities.Interest),
            ExcludedInterests = Strings(entities, GiftEntities.ExcludedInterest),
            Occasion = First(entities, GiftEntities.Occasion)?.Value<string>(),
            FaqTopic = First(entities, GiftEntities.FaqTopic)?.Value<string>(),
            FaqUnanswered = First(entities, GiftEntities.FaqUnanswered)?.Value<bool>() == true,
            FaqSuggestion = First(entities, GiftEntities.FaqSuggestion)?.Value<string>(),
            People = entities[GiftEntities.People] is JArray people ? people.OfType<JObject>().Select(Person).ToList() : [],
        };
    }

    private static Person Person(JObject p) => new(
        p.Value<string?>("name"), p.Value<string?>("recipient"), p.Value<string?>("words"),
        p["age"] is JObject age ? new AgeRange(age.Value<int>("min"), age.Value<int>("max")) { IsBand = age.Value<bool?>("band") ?? false } : null,
        (p["interests"] as JArray)?.Select(t => t.Value<string>()).OfType<string>().ToList() ?? [],
        p.Value<string?>("wish"), p.Value<string?>("interestWords"));

    // Entities follow the LUIS/CLU convention: each name maps to an array of values.
    private static JToken? First(JObject entities, string name) =>
        entities[name] is JArray { Count: > 0 } array ? array[0] : null;

    private static IReadOnlyList<string> Strings(JObject entities, string name) =>
        entities[name] is JArray array
            ? array.Select(t => t.Type == JTokenType.String ? t.Value<string>() : null).OfType<string>().Distinct().ToList()
            : [];
}
