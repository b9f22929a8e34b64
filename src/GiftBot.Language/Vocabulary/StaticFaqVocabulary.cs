using Newtonsoft.Json.Linq;

namespace GiftBot.Language.Vocabulary;

/// <summary>A fixed list of FAQ topics, for tests and benchmarks. <see cref="FromJson"/> reads [{"id": "...", "phrasings": ["..."]}].</summary>
public sealed class StaticFaqVocabulary(IReadOnlyList<FaqTerm> terms) : IFaqVocabulary
{
    public IReadOnlyList<FaqTerm> GetFaqTerms() => terms;

    public static StaticFaqVocabulary FromJson(string json) => new(
        JArray.Parse(json).OfType<JObject>()
            .Select(o => new FaqTerm(o.Value<string>("id") ?? throw new InvalidDataException("An FAQ entry has no id."),
                (o["phrasings"] as JArray)?.Values<string>().OfType<string>().ToList() ?? []))
            .ToList());
}
