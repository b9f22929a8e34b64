using GiftBot.Catalog;
using GiftBot.Conversations.Funnel;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using GiftBot.Storage;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>Writes a validated answer into the search and counts the answered question (its name, never the text).</summary>
public sealed class AnswerRecorder
{
    private readonly SlotReader _reader;
    private readonly TurnUnderstanding _understanding;
    private readonly BotVoice _voice;
    private readonly SearchWords _words;
    private readonly IProductCatalog _catalog;
    private readonly FunnelRecorder _funnel;

    public AnswerRecorder(SlotReader reader, TurnUnderstanding understanding, BotVoice voice, SearchWords words, IProductCatalog catalog, FunnelRecorder funnel)
    {
        _reader = reader;
        _understanding = understanding;
        _voice = voice;
        _words = words;
        _catalog = catalog;
        _funnel = funnel;
    }

    public async Task ApplyAsync(ITurnContext turnContext, GiftSearch search, GiftSlot slot, string answer, CancellationToken cancellationToken)
    {
        var understanding = await _understanding.GetAsync(turnContext, cancellationToken);
        switch (slot)
        {
            case GiftSlot.Recipient:
                if (_reader.ReadRecipient(turnContext, answer, understanding) is { Recipient: { } recipient } given)
                    search.NameRecipient(recipient, given.Words, given.Owner);
                break;
            case GiftSlot.Age:
                var age = _reader.ReadAge(turnContext, answer, understanding);
                search.ClearAge();
                if (age is { Kind: AnswerKind.Given, Range: { } range }) (search.AgeMin, search.AgeMax, search.AgeIsBand) = (range.Min, range.Max, range.IsBand);
                else search.AgeUnknown = true;
                break;
            case GiftSlot.Interests:
                var interests = await _reader.ReadInterestsAsync(turnContext, answer, understanding, cancellationToken);
                search.ClearInterests();
                search.Interests.AddRange(interests.Themes);
                search.InterestsOpen = interests.Themes.Count == 0;
                break;
            case GiftSlot.Budget:
                var budget = _reader.ReadBudget(turnContext, answer, understanding);
                SlotMerger.Apply(search, budget.Kind == AnswerKind.Given ? budget : budget with { Kind = AnswerKind.Open });
                await SendBudgetNotesAsync(turnContext, search, budget, cancellationToken);
                break;
        }
        search.PendingSlot = null;
        await _funnel.RecordAsync(turnContext, FunnelEventKinds.QuestionAnswered,
            new Dictionary<string, string> { ["question"] = slot.ToString().ToLowerInvariant() }, cancellationToken);
    }

    /// <summary>
    /// Says how the budget was read when that is not obvious: converted from another currency ("60 dollars is about €52"),
    /// read in the shop's currency when no rate is configured, and how many gifts it is for ("2 gifts, up to €30 each").
    /// </summary>
    public async Task SendBudgetNotesAsync(ITurnContext turnContext, GiftSearch search, BudgetAnswer answer, CancellationToken cancellationToken)
    {
        if (search.BudgetMax is not { } max) return;
        var amount = _words.Money(turnContext, max);
        if (answer is { Converted: true, OriginalMax: { } original, OriginalCurrency: { } currency })
            await SayAsync(turnContext, GiftFinderText.CurrencyConverted, new() { ["original"] = _words.Budget(turnContext, original, currency), ["amount"] = amount }, cancellationToken);
        else if (answer.OtherCurrency)
            await SayAsync(turnContext, GiftFinderText.CurrencyNote, new() { ["currency"] = _catalog.Currency, ["amount"] = amount }, cancellationToken);
        if (search.GiftCount > 1)
            await SayAsync(turnContext, GiftFinderText.PerGift, new() { ["count"] = search.GiftCount.ToString(System.Globalization.CultureInfo.InvariantCulture), ["amount"] = amount }, cancellationToken);
    }

    private Task SayAsync(ITurnContext turnContext, string key, Dictionary<string, string?> tokens, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text(_voice.Line(turnContext, key, tokens)), cancellationToken);
}
