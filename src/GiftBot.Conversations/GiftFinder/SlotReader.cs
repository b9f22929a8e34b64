using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using GiftBot.Catalog;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using GiftBot.Language;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>
/// Reads one gift-finder slot from an answer to that question. The slot parser knows that a bare "8" to "how old?"
/// is an age; the recognizer's entities cover longer answers; quick-reply taps and "not sure" are matched here.
/// </summary>
public sealed partial class SlotReader
{
    private readonly ISlotParser _parser;
    private readonly IProductCatalog _catalog;
    private readonly BotVoice _voice;
    private readonly GiftFinderOptions _options;

    public SlotReader(ISlotParser parser, IProductCatalog catalog, BotVoice voice, Microsoft.Extensions.Options.IOptions<GiftFinderOptions> options)
    {
        _parser = parser;
        _catalog = catalog;
        _voice = voice;
        _options = options.Value;
    }

    [GeneratedRegex(@"(?<![\w.])-?\d+(?![\w.])")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^\s*-?\d+([.,]\d+)?\s*$")]
    private static partial Regex BareNumber();

    private static bool IsBareNumber(string? text) => text is not null && BareNumber().IsMatch(text);

    /// <summary>A lone number read as the budget question would read it ("25"); null for anything else.</summary>
    public Budget? ReadBareAmount(ITurnContext turnContext, string? text) =>
        IsBareNumber(text) ? _parser.ParseBudget(text!, BotVoice.LocaleOf(turnContext)) : null;

    public RecipientAnswer ReadRecipient(ITurnContext turnContext, string? text, ShopperUnderstanding understanding)
    {
        if (!string.IsNullOrWhiteSpace(understanding.Recipient)) return new(AnswerKind.Given, understanding.Recipient.ToLowerInvariant(), understanding.RecipientWords, understanding.RecipientOwner);
        foreach (var recipient in _voice.List(turnContext, GiftFinderText.RecipientChoices))
        {
            var title = _voice.Has(turnContext, GiftFinderText.RecipientTitle(recipient)) ? _voice.Line(turnContext, GiftFinderText.RecipientTitle(recipient)) : recipient;
            if (AnswerWords.IsExactly(text, [recipient, title])) return new(AnswerKind.Given, recipient);
        }
        return new(AnswerKind.Missing);
    }

    public AgeAnswer ReadAge(ITurnContext turnContext, string? text, ShopperUnderstanding understanding)
    {
        // "under 30 euros" to "how old?" is a budget, not an age of 30.
        if (understanding is { Age: null, Budget: not null } && !IsBareNumber(text)) return new(AnswerKind.Missing);
        var range = (string.IsNullOrWhiteSpace(text) ? null : _parser.ParseAge(text, BotVoice.LocaleOf(turnContext))) ?? understanding.Age;
        if (range is not null) return SlotLimits.IsPlausible(range) ? new(AnswerKind.Given, range) : new(AnswerKind.Absurd, range);
        if (AnswerWords.Matches(text, _voice.List(turnContext, GiftFinderText.UnsureAnswers))) return new(AnswerKind.Open);
        // "-3" or "250" may not read as an age at all; a lone number outside the plausible range is still an (absurd) answer,
        // one too long to be a number at all ("99999999999999999999") too.
        return text is not null && WholeNumber().Matches(text) is { Count: 1 } numbers
               && (!int.TryParse(numbers[0].Value, out var number) || number is < 0 or > SlotLimits.MaxAge)
            ? new(AnswerKind.Absurd)
            : new(AnswerKind.Missing);
    }

    public async Task<InterestsAnswer> ReadInterestsAsync(ITurnContext turnContext, string? text, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        var themes = await _catalog.GetThemesAsync(cancellationToken);
        var known = understanding.Interests.Where(i => themes.Any(t => SameTheme(t, i))).ToList();
        if (known.Count == 0 && understanding.Interests.Count > 0) known.AddRange(understanding.Interests);
        // A tapped quick reply sends the theme's display name; match it (or a synonym) exactly.
        foreach (var theme in ThemesNamedBy(themes, AnswerWords.Normalize(text)))
            if (!known.Contains(theme, StringComparer.OrdinalIgnoreCase))
                known.Add(theme);
        if (known.Count > 0) return new(AnswerKind.Given, known.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        return AnswerWords.Matches(text, _voice.List(turnContext, GiftFinderText.UnsureAnswers)) ? new(AnswerKind.Open, []) : new(AnswerKind.Missing, []);
    }

    // The themes (in catalog order) whose name, display name or a synonym is exactly the normalised answer, looked up in an
    // index built once per catalog snapshot: comparing the answer with every synonym of every theme took about 1 % of the
    // gift finder's CPU.
    private static readonly ConditionalWeakTable<IReadOnlyList<InterestTheme>, ILookup<string, string>> ThemeWords = new();

    private static IEnumerable<string> ThemesNamedBy(IReadOnlyList<InterestTheme> themes, string answer) =>
        ThemeWords.GetValue(themes, static list => list
            .SelectMany(theme => new[] { theme.Name, theme.DisplayName }.Concat(theme.Synonyms)
                .Select(AnswerWords.Normalize).Where(words => words.Length > 0).Distinct(StringComparer.Ordinal)
                .Select(words => (Words: words, theme.Name)))
            .ToLookup(p => p.Words, p => p.Name, StringComparer.Ordinal))[answer];

    public BudgetAnswer ReadBudget(ITurnContext turnContext, string? text, ShopperUnderstanding understanding)
    {
        // "actually she's 10" to "what budget?" corrects the age; it is not a budget of 10.
        if (understanding is { Budget: null, Age: not null } && !IsBareNumber(text)) return new(AnswerKind.Missing);
        var budget = (string.IsNullOrWhiteSpace(text) ? null : _parser.ParseBudget(text, BotVoice.LocaleOf(turnContext))) ?? understanding.Budget;
        return budget is null
            ? (AnswerWords.Matches(text, _voice.List(turnContext, GiftFinderText.UnsureAnswers)) ? new(AnswerKind.Open) : new(AnswerKind.Missing))
            : FromBudget(budget);
    }

    /// <summary>
    /// A recognised budget as an answer: "no limit" is open, zero or negative is absurd, min above max is swapped, another
    /// currency is converted at the configured rate, and a total for several gifts becomes a ceiling per gift.
    /// </summary>
    public BudgetAnswer FromBudget(Budget budget)
    {
        var otherCurrency = !string.IsNullOrEmpty(budget.Currency) && !string.Equals(budget.Currency, _catalog.Currency, StringComparison.OrdinalIgnoreCase);
        if (budget.NoLimit) return new(AnswerKind.Open, OtherCurrency: otherCurrency);
        var (min, max) = budget.Min > budget.Max ? (budget.Max, budget.Min) : (budget.Min, budget.Max);
        if (max is <= 0 || (max is null && min is null or <= 0)) return new(AnswerKind.Absurd);
        var perGiftMax = (budget with { Min = min, Max = max }).MaxPerGift;
        var count = Math.Max(1, budget.Count);
        if (!otherCurrency || _options.Convert(1, budget.Currency!) is null)
            return new(AnswerKind.Given, min is > 0 ? min : null, perGiftMax, otherCurrency, GiftCount: count);
        var convertedMin = min is > 0 ? _options.Convert(min.Value, budget.Currency!) : null;
        var convertedMax = perGiftMax is { } m ? _options.Convert(m, budget.Currency!) : null;
        return new(AnswerKind.Given, convertedMin, convertedMax, true, Converted: true, OriginalCurrency: budget.Currency, OriginalMax: perGiftMax, GiftCount: count);
    }

    private static bool SameTheme(InterestTheme theme, string name) =>
        string.Equals(theme.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(theme.DisplayName, name, StringComparison.OrdinalIgnoreCase);
}
