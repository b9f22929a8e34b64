using GiftBot.Language.Analysis;
using GiftBot.Language.Entities;
using GiftBot.Language.Text;
using GiftBot.Language.Training;
using GiftBot.Language.Vocabulary;

namespace GiftBot.Language.Tests;

/// <summary>A small catalog-like vocabulary and FAQ, as a host would supply them.</summary>
public static class TestVocabulary
{
    public static readonly IReadOnlyList<InterestTerm> Interests =
    [
        new("space", ["astronaut", "astronauts", "rocket", "rockets", "planets", "outer space"]),
        new("dinosaurs", ["dinosaur", "dino", "T-rex", "triceratops", "jurassic"]),
        new("animals", ["animal", "pets", "horses", "cats", "dogs"]),
        new("vehicles", ["cars", "trucks", "trains", "race cars"]),
        new("books", ["book", "reading", "stories"]),
        new("art", ["drawing", "painting", "crafts"]),
        new("music", ["guitar", "piano", "drums"]),
        new("science", ["experiments", "robots", "coding"]),
        new("games", ["board games", "puzzles", "video games"]),
    ];

    public static readonly IReadOnlyList<FaqTerm> Faqs =
    [
        new("shipping", ["How long does shipping take?", "When will my order arrive?", "How fast is delivery?"]),
        new("returns", ["What is your return policy?", "Can I return a gift?", "How do refunds work?"]),
        new("payment", ["Which payment methods do you accept?", "Can I pay with PayPal?"]),
        new("contact", ["How can I contact customer service?", "What is your phone number?"]),
    ];

    public static StaticInterestVocabulary InterestVocabulary => new(Interests);

    public static StaticFaqVocabulary FaqVocabulary => new(Faqs);

    public static readonly Lazy<UtteranceFile> TrainingFile = new(() => UtteranceFile.Load());

    public static readonly Lazy<EntityExtractor> Extractor = new(() =>
    {
        var known = new HashSet<string>(CommonWords.All);
        known.UnionWith(TrainingFile.Value.PlainWords());
        return new EntityExtractor(new UtteranceAnalyzer(Lexicon.Load(), Interests, known), known);
    });

    /// <summary>Runs every extractor, without the intent classifier.</summary>
    public static ExtractedEntities Extract(string text) => Extractor.Value.Extract(text).Entities;
}
