using GiftBot.Language.Analysis;
using Newtonsoft.Json.Linq;

namespace GiftBot.Language.Entities;

/// <summary>Everything the extractors found in one utterance, with token spans for the "$instance" metadata.</summary>
public sealed record ExtractedEntities
{
    public EntityMention<AgeRange>? Age { get; init; }
    /// <summary>An age was written but could not be trusted ("my toddler, 18"): no age is given and none implied, so it is asked.</summary>
    public bool AgeUnsure { get; init; }
    public EntityMention<Budget>? Budget { get; init; }
    public IReadOnlyList<EntityMention<string>> Recipients { get; init; } = [];
    public IReadOnlyList<EntityMention<string>> Interests { get; init; } = [];
    public IReadOnlyList<EntityMention<string>> ExcludedInterests { get; init; } = [];
    /// <summary>Of <see cref="ExcludedInterests"/>, things owned named in their own words ("a head torch" → torch): ruled out as that word, never as a theme.</summary>
    public IReadOnlyList<EntityMention<string>> OwnedThings { get; init; } = [];
    public IReadOnlyList<EntityMention<string>> Occasions { get; init; } = [];
    /// <summary>What they love is left to the shop (<see cref="OpenInterestsExtractor"/>).</summary>
    public EntityMention<bool>? InterestsOpen { get; init; }
    public IReadOnlyList<RoledNumber> Numbers { get; init; } = [];
    /// <summary>What the recipient loves in the shopper's words (see <see cref="Interests.WishFinder"/>).</summary>
    public Interests.Wish? Wish { get; init; }
    /// <summary>The band the first recipient implies, only when no age was given.</summary>
    public AgeBand? ImpliedAge { get; init; }
    /// <summary>Several people who are not alike, each with what was said of them (<see cref="PeopleGrouper"/>).</summary>
    public IReadOnlyList<Person> People { get; init; } = [];

    /// <summary>Slots that on their own say "this is about a gift" (a relationship word alone does not: "my boss yelled at me").</summary>
    public bool HasStrongGiftSlots => Age is not null || Budget is not null || Interests.Count > 0 || ExcludedInterests.Count > 0 || Occasions.Count > 0 || InterestsOpen is not null;

    public bool HasGiftSlots => HasStrongGiftSlots || Recipients.Count > 0;

    /// <summary>The entities in the LUIS/CLU shape documented on <see cref="GiftEntities"/>: one array per entity name, plus "$instance".</summary>
    public JObject ToJson(Utterance u, string? faqTopic = null)
    {
        var entities = new JObject();
        var instance = new JObject();
        if (Age is { } age)
            Add(entities, instance, u, GiftEntities.Age, AgeJson(age.Value), age.First, age.Last);
        if (Budget is { } budget)
        {
            var value = new JObject
            {
                ["min"] = budget.Value.Min, ["max"] = budget.Value.Max,
                ["currency"] = budget.Value.Currency, ["noLimit"] = budget.Value.NoLimit,
                ["perGift"] = budget.Value.PerGift, ["count"] = budget.Value.Count,
            };
            Add(entities, instance, u, GiftEntities.Budget, value, budget.First, budget.Last);
        }
        AddAll(entities, instance, u, GiftEntities.Recipient, Recipients);
        if (Recipients.Count > 0 && RecipientExtractor.OwnerOf(u, Recipients[0]) is { } owner) entities[GiftEntities.RecipientOwner] = new JArray(owner);
        AddAll(entities, instance, u, GiftEntities.Interest, Interests);
        AddAll(entities, instance, u, GiftEntities.ExcludedInterest, ExcludedInterests);
        AddAll(entities, instance, u, GiftEntities.Occasion, Occasions);
        if (faqTopic is not null) entities[GiftEntities.FaqTopic] = new JArray(faqTopic);
        if (AgeUnsure) entities[GiftEntities.AgeUnsure] = new JArray(true);
        if (InterestsOpen is { } open) Add(entities, instance, u, GiftEntities.InterestsOpen, true, open.First, open.Last);
        if (Wish is { } wish) Add(entities, instance, u, GiftEntities.Wish, wish.Text, wish.First, wish.Last);
        if (ImpliedAge is { } band && (Recipients.Count > 0 ? Recipients[0] : Occasions.FirstOrDefault()) is { } source)
            Add(entities, instance, u, GiftEntities.AgeBand, new JObject { ["band"] = band.Name, ["min"] = band.Min, ["max"] = band.Max }, source.First, source.Last);
        if (People.Count > 1)
            entities[GiftEntities.People] = new JArray(People.Select(p => new JObject
            {
                ["name"] = p.Name, ["recipient"] = p.Recipient, ["words"] = p.RecipientWords,
                ["age"] = p.Age is { } a ? AgeJson(a) : null, ["interests"] = new JArray(p.Interests), ["wish"] = p.Wish, ["interestWords"] = p.InterestWords,
            }));
        if (instance.Count > 0) entities["$instance"] = instance;
        return entities;
    }

    // "band": a wide stage word ("a teenager"): one person somewhere in the range, so products need only overlap it.
    private static JObject AgeJson(AgeRange age) =>
        age.IsBand ? new JObject { ["min"] = age.Min, ["max"] = age.Max, ["band"] = true } : new JObject { ["min"] = age.Min, ["max"] = age.Max };

    private static void AddAll(JObject entities, JObject instance, Utterance u, string name, IReadOnlyList<EntityMention<string>> mentions)
    {
        foreach (var m in mentions) Add(entities, instance, u, name, m.Value, m.First, m.Last);
    }

    private static void Add(JObject entities, JObject instance, Utterance u, string name, JToken value, int first, int last)
    {
        ((JArray)(entities[name] ??= new JArray())).Add(value);
        var start = u.Tokens[first].Start;
        var end = u.Tokens[last].End;
        ((JArray)(instance[name] ??= new JArray())).Add(new JObject
        {
            ["startIndex"] = start, ["endIndex"] = end, ["text"] = u.Text[start..end], ["type"] = name,
        });
    }
}
