using GiftBot.Conversations.Text;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Understanding;

/// <summary>
/// Which card of the last carousel typed words point at by its place: "the second one", "the last one", or "it" /
/// "that one" when the carousel had a single card. The words are content (main.shownPositions).
/// </summary>
public static partial class ShownPositions
{
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|\s)(?<n>\d{1,2})(?:\s*(?:,|and|&|n)?\s*(?<n>\d{1,2}))+(?:\s|$)")]
    private static partial System.Text.RegularExpressions.Regex ListedNumbers();

    // A carousel has at most 10 cards.
    private const int MaxPositions = 10;

    /// <summary>The index (0 first) of the card the text names by its place among <paramref name="shownCount"/> cards, or null.</summary>
    public static int? Named(ITurnContext turnContext, BotVoice voice, string? text, int shownCount)
    {
        if (shownCount == 0 || string.IsNullOrWhiteSpace(text)) return null;
        for (var position = 1; position <= Math.Min(shownCount, MaxPositions); position++)
        {
            if (AnswerWords.Matches(text, voice.List(turnContext, CommonText.ShownPosition(position)))) return position - 1;
        }
        if (AnswerWords.Matches(text, voice.List(turnContext, CommonText.LastShown))) return shownCount - 1;
        return shownCount == 1 && PointsAtOne(turnContext, voice, text) ? 0 : null;
    }

    /// <summary>
    /// Every card the text names by its place when it names more than one ("the 2nd and 3rd", "the first two", "both"),
    /// in the carousel's order; empty otherwise.
    /// </summary>
    public static IReadOnlyList<int> SeveralNamed(ITurnContext turnContext, BotVoice voice, string? text, int shownCount)
    {
        if (shownCount < 2 || string.IsNullOrWhiteSpace(text)) return [];
        var first = AnswerWords.Matches(text, voice.List(turnContext, CommonText.ShownFirstThree)) ? 3
            : AnswerWords.Matches(text, voice.List(turnContext, CommonText.ShownFirstTwo)) ? 2 : 0;
        var places = Enumerable.Range(0, Math.Min(first, shownCount)).ToHashSet();
        for (var position = 1; position <= Math.Min(shownCount, MaxPositions); position++)
        {
            if (AnswerWords.Matches(text, voice.List(turnContext, CommonText.ShownPosition(position)))) places.Add(position - 1);
        }
        if (AnswerWords.Matches(text, voice.List(turnContext, CommonText.LastShown))) places.Add(shownCount - 1);
        // "add 1 and 3", "2, 4 & 5": card numbers listed on their own (one number alone may be a quantity).
        if (ListedNumbers().Match(AnswerWords.Normalize(text)) is { Success: true } listed)
            foreach (var number in listed.Groups["n"].Captures.Select(c => int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture)))
                if (number >= 1 && number <= shownCount) places.Add(number - 1);
        // "The first two" also says "first": two places are named, not three.
        return places.Count > 1 ? [.. places.Order()] : [];
    }

    /// <summary>Every word that names a card's place ("first", "2nd", "last"), to leave out when a card is named by its title.</summary>
    public static IEnumerable<string> PlaceWords(ITurnContext turnContext, BotVoice voice) =>
        ProductTitles.WordsOf(Enumerable.Range(1, MaxPositions).Select(CommonText.ShownPosition).Append(CommonText.LastShown)
            .SelectMany(key => voice.List(turnContext, key)));

    /// <summary>Card numbers listed on their own ("1 and 3", "2, 4 & 5"): places, where one number alone may be a quantity.</summary>
    public static bool ListsCardNumbers(string? text) => ListedNumbers().IsMatch(AnswerWords.Normalize(text));

    /// <summary>The words right after the place word that pick something ("add the first telescope please" → "telescope").</summary>
    public static string NameAfterPlace(ITurnContext turnContext, BotVoice voice, string? text, IEnumerable<string> ignored)
    {
        var places = PlaceWords(turnContext, voice).ToHashSet(StringComparer.Ordinal);
        var skip = ignored.Select(AnswerWords.Normalize).ToHashSet(StringComparer.Ordinal);
        var words = AnswerWords.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(words, places.Contains);
        return at < 0 ? "" : string.Join(' ', words.Skip(at + 1).TakeWhile(w => !skip.Contains(w) && !places.Contains(w)));
    }

    /// <summary>
    /// The cards a place and title words point at together ("add the first telescope"): the card at the place when the
    /// title words name it too or name no card; the titled card when the place word is a word of its title ("First
    /// Telescope 50 mm"); otherwise, the two disagreeing, the placed card and the titled ones, for the shopper to choose.
    /// </summary>
    /// <param name="titled">The cards the text names by title words, place words aside.</param>
    /// <param name="ignored">Words that pick nothing (place words not among them).</param>
    public static IReadOnlyList<string> WithTitle(string? text, string placed, IReadOnlyList<(string Id, string Title)> titled, IEnumerable<string> ignored)
    {
        if (titled.Count == 0 || titled.Any(card => card.Id == placed)) return [placed];
        var ignoredWords = ignored.ToList();
        var owning = titled.Where(card => ProductTitles.NamesOnly(text, card.Title, ignoredWords)).ToList();
        return owning.Count == 1 ? [owning[0].Id] : [placed, .. titled.Select(card => card.Id).Where(id => id != placed)];
    }

    /// <summary>True when the text says "it", "that one" ... without saying which card.</summary>
    public static bool PointsAtOne(ITurnContext turnContext, BotVoice voice, string? text) =>
        AnswerWords.Matches(text, voice.List(turnContext, CommonText.ShownThisOne));
}
