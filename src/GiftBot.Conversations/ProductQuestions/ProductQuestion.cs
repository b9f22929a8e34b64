using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.ProductQuestions;

/// <summary>
/// What a shopper asks about a product: which facts, and the words that name it ("the space shuttle", "lego").
/// <paramref name="Suits"/>: whether it fits an age ("is the rocket safe for a 5 year old?"), the age being the turn's.
/// </summary>
public sealed record ProductQuestion(bool Stock, bool Price, bool Ages, bool Cheapest, bool Dearest, bool Details, string Name, string WithoutGenericWords, bool Suits = false)
{
    public bool NamesNoProduct => Name.Length == 0;

    /// <summary>
    /// The question in <paramref name="text"/>, or null when it asks no fact about a product or reads as a gift request
    /// ("do you have something for my son?"). A question naming no product ("how much?") has an empty <see cref="Name"/>.
    /// </summary>
    public static ProductQuestion? Read(ITurnContext turnContext, BotVoice voice, string? text)
    {
        bool Says(string key) => AnswerWords.Matches(text, voice.List(turnContext, key));
        var (stock, price, ages, cheapest, dearest, details) = (Says(ProductQuestionText.StockWords), Says(ProductQuestionText.PriceWords),
            Says(ProductQuestionText.AgeWords), Says(ProductQuestionText.CheapestWords), Says(ProductQuestionText.DearestWords), Says(ProductQuestionText.DetailsWords));
        var suits = Says(ProductQuestionText.SuitsWords);
        if (!(stock || price || ages || cheapest || dearest || details || suits)) return null;
        // "Is the rocket safe for a 5 year old?": what follows the fit words is the age, not a gift request; the words
        // before them name the product, unless they ask for one ("anything suitable for a 5 year old?").
        var named = suits ? BeforeFirst(AnswerWords.Normalize(text), voice.List(turnContext, ProductQuestionText.SuitsWords)) : text;
        // "What's good for a 5 year old?", "which would suit a 6 year old?" ask for ideas, not whether a product fits.
        if (suits && AnswerWords.Matches(named, voice.List(turnContext, ProductQuestionText.IdeasWords))) return null;
        // A card named by its place ("the first one, any age limit?") is a product, whatever else the words say.
        var placed = ShownPositions.Named(turnContext, voice, text, int.MaxValue) is not null;
        if (!placed && AnswerWords.Matches(named, voice.List(turnContext, ProductQuestionText.GiftRequestWords))) return null;

        // A card's place ("the second one") names a shown card, not a product called "second".
        var ignored = new[] { ProductQuestionText.StockWords, ProductQuestionText.PriceWords, ProductQuestionText.AgeWords, ProductQuestionText.CheapestWords,
                ProductQuestionText.DearestWords, ProductQuestionText.DetailsWords, ProductQuestionText.SuitsWords, ProductQuestionText.FillerWords }
            .SelectMany(key => voice.List(turnContext, key)).SelectMany(Words).Concat(ShownPositions.PlaceWords(turnContext, voice))
            .ToHashSet(StringComparer.Ordinal);
        var generic = voice.List(turnContext, ProductQuestionText.GenericWords).SelectMany(Words).ToHashSet(StringComparer.Ordinal);
        var name = Words(named).Where(word => !ignored.Contains(word)).ToList();
        // "How much?", "in stock?", "what age?" name nothing: still a question about a product, which one being asked.
        // "The cheapest?" alone is left to the gift finder's "cheaper".
        if (name.Count == 0) return cheapest || dearest ? null : new ProductQuestion(stock, price, ages, false, false, details, "", "", suits);
        return new ProductQuestion(stock, price, ages, cheapest, dearest, details, string.Join(' ', name), string.Join(' ', name.Where(w => !generic.Contains(w))), suits);
    }

    // The normalised text before the first of the phrases (all of it when none is there).
    private static string BeforeFirst(string normalized, IEnumerable<string> phrases)
    {
        var padded = $" {normalized} ";
        var cut = normalized.Length;
        foreach (var phrase in phrases.Select(AnswerWords.Normalize).Where(p => p.Length > 0))
        {
            var at = padded.IndexOf($" {phrase} ", StringComparison.Ordinal);
            if (at >= 0 && at < cut) cut = at;
        }
        return normalized[..cut];
    }

    private static string[] Words(string? phrase) => AnswerWords.Normalize(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
