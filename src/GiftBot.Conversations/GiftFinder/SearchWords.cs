using GiftBot.Catalog;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>How the bot puts the shopper's answers into words: "your nephew", "8 years", "€40", "space".</summary>
public sealed class SearchWords
{
    public const string SelfRecipient = "myself";

    private readonly BotVoice _voice;
    private readonly IProductCatalog _catalog;

    public SearchWords(BotVoice voice, IProductCatalog catalog)
    {
        _voice = voice;
        _catalog = catalog;
    }

    public static bool IsSelf(string? recipient) => string.Equals(recipient, SelfRecipient, StringComparison.OrdinalIgnoreCase);

    /// <param name="words">The shopper's own words for them: named that way when the content has a phrase for those words
    /// ("sister in law" is "your sister-in-law", "girl" is "the girl"), else by the relationship.</param>
    /// <param name="owner">Whose relation they are in the shopper's words ("my friend's"): named as theirs, "your friend's
    /// daughter", with the shopper's "my" in the bot's voice (content giftFinder.ownersSaid).</param>
    public string Recipient(ITurnContext turnContext, string? recipient, string? words = null, string? owner = null)
    {
        if (string.IsNullOrWhiteSpace(recipient)) return _voice.Line(turnContext, GiftFinderText.Someone);
        if (!string.IsNullOrWhiteSpace(owner))
            return _voice.Line(turnContext, GiftFinderText.RecipientOwned, new Dictionary<string, string?> { ["owner"] = Owner(turnContext, owner), ["recipient"] = words ?? recipient });
        if (SaidKey(words) is { } said && _voice.Has(turnContext, said)) return _voice.Line(turnContext, said);
        var key = GiftFinderText.RecipientPhraseOf(recipient.ToLowerInvariant());
        return _voice.Has(turnContext, key) ? _voice.Line(turnContext, key) : _voice.Line(turnContext, GiftFinderText.RecipientPhrase, "recipient", recipient);
    }

    // "my friend's" is "your friend's" in the bot's mouth; "his" and "a colleague's" stay as they are.
    private string Owner(ITurnContext turnContext, string owner)
    {
        var space = owner.IndexOf(' ');
        var first = space < 0 ? owner : owner[..space];
        var key = GiftFinderText.OwnerSaidPhraseOf(first.ToLowerInvariant());
        return _voice.Has(turnContext, key) ? _voice.Line(turnContext, key) + (space < 0 ? "" : owner[space..]) : owner;
    }

    // "Sister-in-law", "sister in law" and "Sister In Law" are one key: lower case, words joined by single spaces.
    private static string? SaidKey(string? words)
    {
        var normalized = AnswerWords.Normalize(words?.Replace('-', ' '));
        return normalized.Length == 0 ? null : GiftFinderText.RecipientSaidPhraseOf(normalized);
    }

    public string? Age(ITurnContext turnContext, GiftSearch search) => search.AgeMin is not { } min ? null
        : search.AgeMax is { } max && max != min
            ? _voice.Line(turnContext, GiftFinderText.AgeRange, new Dictionary<string, string?> { ["min"] = $"{min}", ["max"] = $"{max}" })
            : min switch
            {
                0 => _voice.Line(turnContext, GiftFinderText.AgeUnderOne),
                1 => _voice.Line(turnContext, GiftFinderText.AgeOneYear),
                _ => _voice.Line(turnContext, GiftFinderText.AgeYears, "age", $"{min}"),
            };

    /// <summary>A budget in the shop's currency ("under €40").</summary>
    public string Money(ITurnContext turnContext, decimal amount) => PriceFormatter.FormatBudget(amount, _catalog.Currency, BotVoice.LocaleOf(turnContext));

    /// <summary>A budget the shopper gave in another currency, as they said it ("$60").</summary>
    public string Budget(ITurnContext turnContext, decimal amount, string currency) => PriceFormatter.FormatBudget(amount, currency, BotVoice.LocaleOf(turnContext));

    /// <summary>A price or total, always in the currency's minor units ("€34.00").</summary>
    public string Money(ITurnContext turnContext, decimal amount, string currency) => PriceFormatter.Format(amount, currency, BotVoice.LocaleOf(turnContext));

    /// <summary>
    /// The shopper's own words said back ("For horses I have..."): words typed all in capitals ("LOVES HORSES") are
    /// shouted, not names, and are said in lower case; anything with a lower-case letter stays as typed ("Minecraft").
    /// </summary>
    public static string AsSaidBack(string words) =>
        words.Any(char.IsLower) || !words.Any(char.IsUpper) ? words : words.ToLowerInvariant();

    /// <summary>The theme as shoppers read it ("board games" for "board-games"), lower-cased unless it is a name like "LEGO".</summary>
    public static string ThemeName(IReadOnlyList<InterestTheme> themes, string theme)
    {
        var display = themes.FirstOrDefault(t => string.Equals(t.Name, theme, StringComparison.OrdinalIgnoreCase))?.DisplayName;
        if (string.IsNullOrWhiteSpace(display)) return theme;
        return display.Length > 1 && char.IsUpper(display[0]) && char.IsLower(display[1]) ? char.ToLowerInvariant(display[0]) + display[1..] : display;
    }

    public async Task<string> InterestsAsync(IEnumerable<string> interests, CancellationToken cancellationToken)
    {
        var themes = await _catalog.GetThemesAsync(cancellationToken);
        return string.Join(", ", interests.Select(i => ThemeName(themes, i)));
    }
}
