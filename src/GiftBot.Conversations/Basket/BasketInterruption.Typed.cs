using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using GiftBot.Dialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Basket;

/// <summary>
/// Typed basket requests: "empty my basket" (confirmed first), "remove the rocket" (found by its title's words),
/// "add the second one" / "I'll take it" / "2 of the space shuttle" (a card of the last carousel by its place or title).
/// The words are content (basket.typed.*). A sentence that names no product ("something with a rocket") is left to
/// the gift finder.
/// </summary>
public sealed partial class BasketInterruption
{
    private async Task<bool> TryTypedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        if (turnContext.Activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(text) || Payloads.TryParse(text, out _)) return false;

        // "how much with delivery?": the basket's own total with delivery, not the FAQ's price list.
        if (Says(turnContext, text, BasketText.DeliveryTotalAsks) && await _views.ShowTotalWithDeliveryAsync(turnContext, cancellationToken)) return true;
        if (Says(turnContext, text, BasketText.UndoAsks) && ProductTitles.NamesOnly(text, "", IgnoredWords(turnContext)) && await UndoLastAddAsync(turnContext, cancellationToken)) return true;
        if (Says(turnContext, text, BasketText.EmptyAsks) && (Says(turnContext, text, BasketText.BasketWords) || NamesNothingElse(turnContext, text)))
            return await AskToEmptyAsync(turnContext, cancellationToken);
        if (Says(turnContext, text, BasketText.RemoveAsks)) return await RemoveTypedAsync(turnContext, text, cancellationToken);
        var quantity = Quantity(turnContext, text);
        var asksToAdd = Says(turnContext, text, BasketText.AddAsks);
        return (asksToAdd || quantity is not null) && await AddTypedAsync(turnContext, text, quantity, asksToAdd, cancellationToken);
    }

    private async Task<bool> AskToEmptyAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var basket = await _store.GetAsync(turnContext, cancellationToken);
        if (basket.Items.Count == 0)
        {
            await _views.ShowAsync(turnContext, cancellationToken);
            return true;
        }
        // Nothing is taken out until the shopper taps yes: a slip ("clear" meant for something else) loses nothing.
        var question = _voice.Line(turnContext, BasketText.EmptyConfirm, new Dictionary<string, string?>
        {
            ["count"] = _views.Count(turnContext, basket), ["total"] = _views.Total(turnContext, basket),
        });
        await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, question,
        [
            QuickReplies.Command(_voice.Line(turnContext, BasketText.EmptyYes), Payloads.EmptyBasket),
            QuickReplies.Command(_voice.Line(turnContext, BasketText.EmptyNo), Payloads.KeepBasket),
        ]), cancellationToken);
        await _emptyQuestion.AskedAsync(turnContext, cancellationToken);
        return true;
    }

    /// <summary>A typed answer to "Empty your basket?": the shop's yes or no words or a button's own title; null for anything else.</summary>
    private bool? TypedYesOrNo(ITurnContext turnContext)
    {
        var text = turnContext.Activity.Text;
        if (AnswerWords.IsExactly(text, _voice.List(turnContext, CommonText.YesAnswers)) || AnswerWords.IsExactly(text, _voice.Line(turnContext, BasketText.EmptyYes))) return true;
        if (AnswerWords.IsExactly(text, _voice.List(turnContext, CommonText.NoAnswers)) || AnswerWords.IsExactly(text, _voice.Line(turnContext, BasketText.EmptyNo))) return false;
        return null;
    }

    // "Undo", "oops": the last add is taken back, the line as it was before it; false when there is none to take back.
    private async Task<bool> UndoLastAddAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var basket = await _store.GetAsync(turnContext, cancellationToken);
        if (basket.LastAdd is not { } undo || basket.Find(undo.ProductId) is not { } line) return false;
        basket.LastAdd = null;
        if (undo.QuantityBefore > 0)
        {
            line.Quantity = undo.QuantityBefore;
            await SendWithActionsAsync(turnContext, _voice.Line(turnContext, BasketText.QuantitySet, new Dictionary<string, string?>
            {
                ["title"] = line.Title, ["quantity"] = $"{line.Quantity}", ["count"] = _views.Count(turnContext, basket),
            }), cancellationToken);
            return true;
        }
        await RemoveAsync(turnContext, undo.ProductId, cancellationToken);
        return true;
    }

    private async Task EmptyAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var basket = await _store.GetAsync(turnContext, cancellationToken);
        basket.Items.Clear();
        basket.LastAdd = null;
        await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, _voice.Line(turnContext, BasketText.Emptied),
            [QuickReplies.Command(_voice.Line(turnContext, CommonText.FindGift), Payloads.FindGift)]), cancellationToken);
    }

    private async Task<bool> RemoveTypedAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        var basket = await _store.GetAsync(turnContext, cancellationToken);
        var pointsAtALine = ShownPositions.PointsAtOne(turnContext, _voice, text) && NamesNothingElse(turnContext, text);
        if (basket.Items.Count == 0)
        {
            // "Remove the rocket from my basket" with nothing in it says so; "remove the books" may be about the search.
            if (!Says(turnContext, text, BasketText.BasketWords) && !pointsAtALine) return false;
            await _views.ShowAsync(turnContext, cancellationToken);
            return true;
        }
        if (pointsAtALine)
        {
            await RemovePointedAtAsync(turnContext, basket, cancellationToken);
            return true;
        }
        var matches = ProductTitles.BestMatches(text, basket.Items.Select(i => i.Title).ToList(), IgnoredWords(turnContext));
        // Naming nothing in the basket, and not the basket either, it is about something else: "remove the books" at
        // the interest question rules books out, "delete my data" is a privacy request.
        if (matches.Count == 0 && !Says(turnContext, text, BasketText.BasketWords)) return false;
        switch (matches.Count)
        {
            case 1:
                await RemoveAsync(turnContext, basket.Items[matches[0]].ProductId, cancellationToken);
                break;
            case 0:
                await SayAsync(turnContext, _voice.Line(turnContext, BasketText.RemoveNoMatch), cancellationToken);
                await _views.ShowAsync(turnContext, cancellationToken);
                break;
            default:
                await AskWhichAsync(turnContext, BasketText.RemoveWhich, Payloads.RemoveFromBasket,
                    matches.Select(i => (basket.Items[i].ProductId, basket.Items[i].Title)), cancellationToken);
                break;
        }
        return true;
    }

    // "Remove it", "take that out": the line just added (as "undo" reads it), else the basket's only line; with several
    // and none just added, the shopper picks.
    private async Task RemovePointedAtAsync(ITurnContext turnContext, ShopperBasket basket, CancellationToken cancellationToken)
    {
        var pointed = basket.LastAdd is { } last && basket.Find(last.ProductId) is not null ? last.ProductId
            : basket.Items.Count == 1 ? basket.Items[0].ProductId : null;
        if (pointed is not null) await RemoveAsync(turnContext, pointed, cancellationToken);
        else await AskWhichAsync(turnContext, BasketText.RemoveWhich, Payloads.RemoveFromBasket, basket.Items.Select(i => (i.ProductId, i.Title)), cancellationToken);
    }

    private async Task<bool> AddTypedAsync(ITurnContext turnContext, string text, int? quantity, bool asksToAdd, CancellationToken cancellationToken)
    {
        var shown = await _shown.LastAsync(turnContext, cancellationToken);
        // By name: a product of the last carousel or an earlier one, or one already in the basket ("3 of the rocket").
        var candidates = new List<(string Id, string Title)>();
        foreach (var id in await _shown.RecentAsync(turnContext, cancellationToken))
            if (await _catalog.GetAsync(id, cancellationToken) is { } product) candidates.Add((product.Id, product.Title));
        var basket = await _store.GetAsync(turnContext, cancellationToken);
        candidates.AddRange(basket.Items.Where(i => !candidates.Any(c => c.Id == i.ProductId)).Select(i => (i.ProductId, i.Title)));
        var ignored = IgnoredWords(turnContext).ToList();

        // "Add the 2nd and 3rd", "add the first two", "add 1 and 3": each of them, once.
        if ((quantity is null || ShownPositions.ListsCardNumbers(text)) && asksToAdd && ShownPositions.SeveralNamed(turnContext, _voice, text, shown.Count) is { Count: > 1 } places)
        {
            foreach (var place in places) await AddAsync(turnContext, shown[place], null, cancellationToken);
            return true;
        }

        if (ShownPositions.Named(turnContext, _voice, text, shown.Count) is { } index)
            return await AddPlacedAsync(turnContext, text, shown, shown[index], candidates, ignored, quantity, cancellationToken);

        // Only a bare name counts, its words all the title's: "can you add gift wrapping?" shares "gift" with a gift set but
        // is a question for the FAQ, and "one of my kids loves rockets" is a new search.
        var matches = ProductTitles.NamedOnly(text, candidates.Select(c => c.Title).ToList(), ignored);
        // Without an add word the name must be one product's ("2 of the space shuttle").
        if (!asksToAdd && matches.Count != 1) return false;
        if (matches.Count == 1)
        {
            await AddAsync(turnContext, candidates[matches[0]].Id, quantity, cancellationToken);
            return true;
        }
        if (matches.Count > 1)
        {
            await AskWhichAsync(turnContext, BasketText.AddWhich, Payloads.AddToBasket, matches.Select(i => candidates[i]), cancellationToken);
            return true;
        }

        // "Add it" without saying which of several cards (none asked about just before), or before any card: ask rather than guess. Only when nothing
        // else is said: "I want the gift wrapped, is it possible?" is a question for the FAQ.
        if (!asksToAdd || !ShownPositions.PointsAtOne(turnContext, _voice, text) || !ProductTitles.NamesOnly(text, "", ignored)) return false;
        if (shown.Count == 0)
        {
            await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, _voice.Line(turnContext, BasketText.AddNothingShown),
                [QuickReplies.Command(_voice.Line(turnContext, CommonText.FindGift), Payloads.FindGift)]), cancellationToken);
            return true;
        }
        // "Tell me more about the second one", then "add it": the card just asked about.
        if (await _shown.InFocusAsync(turnContext, cancellationToken) is { } inFocus)
        {
            await AddAsync(turnContext, inFocus, quantity, cancellationToken);
            return true;
        }
        await AskWhichAsync(turnContext, BasketText.AddWhich, Payloads.AddToBasket, candidates.Where(c => shown.Contains(c.Id)), cancellationToken);
        return true;
    }

    // "Add the second one", "add the first telescope": the place, unless title words say otherwise (see ShownPositions.WithTitle);
    // a name no shown card has ("the first dragon", no dragon shown) is said not to be there rather than guessed.
    private async Task<bool> AddPlacedAsync(ITurnContext turnContext, string text, IReadOnlyList<string> shown, string placed,
        List<(string Id, string Title)> candidates, List<string> ignored, int? quantity, CancellationToken cancellationToken)
    {
        var withoutPlaces = ignored.Concat(ShownPositions.PlaceWords(turnContext, _voice)).ToList();
        var titles = candidates.Select(c => c.Title).ToList();
        var titledIndexes = ProductTitles.NamedOnly(text, titles, withoutPlaces);
        var name = ShownPositions.NameAfterPlace(turnContext, _voice, text, ignored);
        if (titledIndexes.Count == 0 && name.Length > 0) titledIndexes = ProductTitles.NamedOnly(name, titles, withoutPlaces);
        var titled = titledIndexes.Select(i => candidates[i]).ToList();
        if (titled.Count == 0 && name.Length > 0)
        {
            await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, _voice.Line(turnContext, CommonText.NotShown, "name", name),
                candidates.Where(c => shown.Contains(c.Id)).Select(c => QuickReplies.Command(QuickReplies.ShortTitle(c.Title), Payloads.With(Payloads.AddToBasket, c.Id)))), cancellationToken);
            return true;
        }
        var picked = ShownPositions.WithTitle(text, placed, titled, ignored);
        if (picked.Count == 1)
        {
            await AddAsync(turnContext, picked[0], quantity, cancellationToken);
            return true;
        }
        await AskWhichAsync(turnContext, BasketText.AddWhich, Payloads.AddToBasket, picked.Select(id => candidates.First(c => c.Id == id)), cancellationToken);
        return true;
    }

    private Task AskWhichAsync(ITurnContext turnContext, string key, string payload, IEnumerable<(string Id, string Title)> products, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(QuickReplies.Message(turnContext, _voice.Line(turnContext, key),
            products.Select(p => QuickReplies.Command(QuickReplies.ShortTitle(p.Title), Payloads.With(payload, p.Id)))), cancellationToken);

    /// <summary>"2 of the rocket", "two x the puzzle", "add 3 ...": a number followed by a quantity word or right after an add word.</summary>
    private int? Quantity(ITurnContext turnContext, string text)
    {
        var words = AnswerWords.Normalize(text).Split(' ');
        var numberWords = _voice.List(turnContext, BasketText.NumberWords).Select(AnswerWords.Normalize).ToList();
        var quantityWords = _voice.List(turnContext, BasketText.QuantityWords).Select(AnswerWords.Normalize).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            int? number = int.TryParse(words[i], out var digits) && words[i].Length <= 3 ? digits : numberWords.IndexOf(words[i]) is >= 0 and var at ? at + 1 : null;
            if (number is not > 0) continue;
            var quantityWordNext = i + 1 < words.Length && quantityWords.Contains(words[i + 1]);
            var afterAdd = i > 0 && EndsWithAddWord(turnContext, words[..i]);
            if (quantityWordNext || afterAdd) return number;
        }
        return null;
    }

    private bool EndsWithAddWord(ITurnContext turnContext, string[] before) =>
        _voice.List(turnContext, BasketText.AddAsks).Select(AnswerWords.Normalize)
            .Any(ask => string.Join(' ', before).EndsWith(ask, StringComparison.Ordinal));

    private bool Says(ITurnContext turnContext, string text, string key) => AnswerWords.Matches(text, _voice.List(turnContext, key));

    // "Remove everything" alone empties the basket; "please remove all my personal data" is about something else (a privacy
    // request): without a basket word, every word besides the asking words must be a filler word.
    private bool NamesNothingElse(ITurnContext turnContext, string text) => ProductTitles.NamesOnly(text, "", IgnoredWords(turnContext));

    // Words that never pick a product: the filler words and the words that ask for the change itself.
    private IEnumerable<string> IgnoredWords(ITurnContext turnContext) =>
        new[] { CommonText.TitleFillerWords, BasketText.UndoAsks, BasketText.RemoveAsks, BasketText.EmptyAsks, BasketText.AddAsks, BasketText.QuantityWords, BasketText.BasketWords, BasketText.NumberWords }
            .SelectMany(key => ProductTitles.WordsOf(_voice.List(turnContext, key)));
}
