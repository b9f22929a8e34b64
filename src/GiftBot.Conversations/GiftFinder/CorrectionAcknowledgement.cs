using GiftBot.Catalog;
using GiftBot.Conversations.Text;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>
/// Says back what a correction changed, as the search now has it ("Got it: 7 years old and up to €30."), so a shopper sees
/// what was understood and a misread ("make it 30" taken for something else) shows at once.
/// </summary>
public sealed class CorrectionAcknowledgement
{
    private readonly BotVoice _voice;
    private readonly SearchWords _words;
    private readonly IProductCatalog _catalog;

    public CorrectionAcknowledgement(BotVoice voice, SearchWords words, IProductCatalog catalog)
    {
        _voice = voice;
        _words = words;
        _catalog = catalog;
    }

    public async Task SendAsync(ITurnContext turnContext, GiftSearch search, MergeResult merged, CancellationToken cancellationToken)
    {
        var changes = await ChangesAsync(turnContext, search, merged, cancellationToken);
        // Only a change none of the phrases can say keeps the general line.
        var line = changes.Count == 0
            ? _voice.Line(turnContext, GiftFinderText.Corrected)
            : _voice.Line(turnContext, GiftFinderText.CorrectedTo, "changes", _voice.ListOf(turnContext, changes));
        await turnContext.SendActivityAsync(MessageFactory.Text(line), cancellationToken);
    }

    // In the order the questions are asked: who, age, what they love, budget.
    private async Task<List<string>> ChangesAsync(ITurnContext turnContext, GiftSearch search, MergeResult merged, CancellationToken cancellationToken)
    {
        var changes = new List<string>();
        if (merged.Changed.Contains(GiftSlot.Recipient))
            changes.Add(_voice.Line(turnContext, GiftFinderText.CorrectedRecipient, "recipient",
                _words.Recipient(turnContext, search.Recipient, search.RecipientWords, search.RecipientOwner)));
        if (merged.Changed.Contains(GiftSlot.Age) && _words.Age(turnContext, search) is { } age)
            changes.Add(_voice.Line(turnContext, GiftFinderText.CorrectedAge, "age", age));
        if (await InterestsAsync(turnContext, search, merged, cancellationToken) is { } interests) changes.Add(interests);
        if (merged.Changed.Contains(GiftSlot.Budget)) changes.Add(Budget(turnContext, search));
        return changes;
    }

    // What they love now ("art & drawing", or their words: "magic tricks") and what this message ruled out ("books & reading").
    private async Task<string?> InterestsAsync(ITurnContext turnContext, GiftSearch search, MergeResult merged, CancellationToken cancellationToken)
    {
        var themes = await _catalog.GetThemesAsync(cancellationToken);
        string? Names(IReadOnlyList<string> names) => names.Count == 0 ? null : _voice.ListOf(turnContext, [.. names.Select(n => SearchWords.ThemeName(themes, n))]);
        var lovesChanged = merged.Changed.Contains(GiftSlot.Interests);
        var loves = lovesChanged ? Names(search.Interests) ?? search.Wish : null;
        var ruledOut = Names(merged.RuledOut);
        return (loves, ruledOut) switch
        {
            ({ } named, { } other) => _voice.Line(turnContext, GiftFinderText.CorrectedInterestsNot, new Dictionary<string, string?> { ["interests"] = named, ["other"] = other }),
            ({ } named, null) when search.Interests.Count > 0 => _voice.Line(turnContext, GiftFinderText.CorrectedInterests, "interests", named),
            ({ } wish, null) => _voice.Line(turnContext, GiftFinderText.CorrectedWish, "wish", SearchWords.AsSaidBack(wish)),
            (null, { } other) => _voice.Line(turnContext, GiftFinderText.CorrectedRuledOut, "interests", other),
            _ => lovesChanged && search.InterestsOpen ? _voice.Line(turnContext, GiftFinderText.CorrectedAnyInterest) : null,
        };
    }

    // The budget in the shop's currency, as the recommendations say it (a converted one as the conversion note said it).
    private string Budget(ITurnContext turnContext, GiftSearch search) => search switch
    {
        { BudgetNoLimit: true, BudgetMin: { } min } => _voice.Line(turnContext, GiftFinderText.CorrectedBudgetFrom, "min", _words.Money(turnContext, min)),
        { BudgetNoLimit: true } or { BudgetMax: null } => _voice.Line(turnContext, GiftFinderText.CorrectedNoLimit),
        { BudgetMin: { } min, BudgetMax: { } max } => _voice.Line(turnContext, GiftFinderText.CorrectedBudgetRange,
            new Dictionary<string, string?> { ["min"] = _words.Money(turnContext, min), ["max"] = _words.Money(turnContext, max) }),
        { GiftCount: > 1, BudgetMax: { } max } => _voice.Line(turnContext, GiftFinderText.CorrectedBudgetEach, "amount", _words.Money(turnContext, max)),
        { BudgetMax: { } max } => _voice.Line(turnContext, GiftFinderText.CorrectedBudget, "amount", _words.Money(turnContext, max)),
    };
}
