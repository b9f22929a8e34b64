using GiftBot.Catalog;
using GiftBot.Conversations.State;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>
/// A typed request for products like one card, of the last carousel by its place ("more like the second one"), or of
/// any recent carousel by the words of its title ("more like the coffee one"): what the card's "More like this" button
/// does, for shoppers who write instead of tapping. A card pointed at by a name no card has ("more like the pony one")
/// is said not to be there, and the cards shown are offered.
/// </summary>
public sealed class ShownProductReference(ShownProducts shown, IProductCatalog catalog, BotVoice voice)
{
    // "the pony", "the wooden pony one": a name of a few words; longer, it is a sentence about something else.
    private const int MaxNameWords = 3;

    /// <summary>What the shopper asks more like: a card's product id, or a name no shown card has; null when the text asks neither.</summary>
    public async Task<MoreLikeRequest?> MoreLikeRequestedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        if (!AnswerWords.Matches(text, voice.List(turnContext, RecommendText.MoreLikeAsks))) return null;
        var shownIds = await shown.LastAsync(turnContext, cancellationToken);
        if (shownIds.Count == 0) return null;
        if (ShownPositions.Named(turnContext, voice, text, shownIds.Count) is { } index) return new MoreLikeRequest(shownIds[index], null);

        var cards = new List<Product>();
        foreach (var id in await shown.RecentAsync(turnContext, cancellationToken))
            if (await catalog.GetAsync(id, cancellationToken) is { } product) cards.Add(product);
        var ignored = ProductTitles.WordsOf(new[] { CommonText.TitleFillerWords, RecommendText.MoreLikeAsks }.SelectMany(key => voice.List(turnContext, key))).ToList();
        // Only a bare name counts, every other word the title's: "something like lego for my son" is a new search.
        var named = ProductTitles.NamedOnly(text, cards.Select(c => c.Title).ToList(), ignored);
        if (named.Count == 1) return new MoreLikeRequest(cards[named[0]].Id, null);
        return named.Count == 0 && UnshownName(turnContext, text, ignored) is { } name ? new MoreLikeRequest(null, name) : null;
    }

    /// <summary>The card of the last carousel the shopper says is owned already ("she already has the first one"); null otherwise.</summary>
    public async Task<Product?> OwnedCardAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        if (!AnswerWords.Matches(text, voice.List(turnContext, RecommendText.AlreadyOwnedAsks))) return null;
        var shownIds = await shown.LastAsync(turnContext, cancellationToken);
        return shownIds.Count > 0 && ShownPositions.Named(turnContext, voice, text, shownIds.Count) is { } index
            ? await catalog.GetAsync(shownIds[index], cancellationToken)
            : null;
    }

    // The words after the last word pointing at a card ("the", "that"): "something similar to the unicorn one" → "unicorn".
    // Without one ("more like lego") the shopper names a kind of gift, not a card.
    private string? UnshownName(ITurnContext turnContext, string? text, IReadOnlyList<string> ignored)
    {
        var pointers = voice.List(turnContext, RecommendText.ShownCardWords).Select(AnswerWords.Normalize).ToHashSet(StringComparer.Ordinal);
        var words = AnswerWords.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = Array.FindLastIndex(words, pointers.Contains);
        if (last < 0) return null;
        var name = ProductTitles.Unmatched(string.Join(' ', words[(last + 1)..]), ignored);
        return name.Count is > 0 and <= MaxNameWords ? string.Join(' ', name) : null;
    }

    /// <summary>Says no shown card is called <paramref name="name"/> and offers the last carousel's cards ("more like" each) or a new search.</summary>
    public async Task SayNotShownAsync(ITurnContext turnContext, string name, CancellationToken cancellationToken)
    {
        var choices = new List<GiftBot.Dialogs.Choices.Choice>();
        foreach (var id in await shown.LastAsync(turnContext, cancellationToken))
            if (await catalog.GetAsync(id, cancellationToken) is { } product)
                choices.Add(QuickReplies.Command(QuickReplies.ShortTitle(product.Title), Payloads.With(Payloads.MoreLikeThis, product.Id)));
        choices.Add(QuickReplies.Command(voice.Line(turnContext, CommonText.FindGift), Payloads.FindGift));
        await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, voice.Line(turnContext, CommonText.NotShown, "name", name), choices), cancellationToken);
    }
}

/// <summary>A typed "more like ...": the product of a shown card, or the words naming a card that was not shown.</summary>
public sealed record MoreLikeRequest(string? ProductId, string? UnshownName);
