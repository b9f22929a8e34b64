using GiftBot.Catalog;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>
/// "Go back to the first ones", "show me the previous ones again", "the ones before were better" after "more" or
/// "cheaper": the shopper wants an earlier carousel of this search again, not a new search. The first carousel when they
/// say so, else the one before the last; its prices become the ones "cheaper" and "more expensive" go from.
/// </summary>
public sealed class EarlierCarousel(BotVoice voice, IProductCatalog catalog, RecommendationPresenter presenter)
{
    public bool Asked(ITurnContext turnContext, GiftSearch search) =>
        search.Carousels.Count > 0 && AnswerWords.Matches(turnContext.Activity.Text, voice.List(turnContext, RecommendText.EarlierAsks));

    /// <summary>False when none of that carousel's products is in the catalog any more (a feed import removed them): the
    /// message is then routed as if the earlier carousel had never been asked for, so the shopper still gets an answer.</summary>
    public async Task<bool> ShowAsync(ITurnContext turnContext, GiftSearch search, CancellationToken cancellationToken)
    {
        var first = search.Carousels.Count == 1 || AnswerWords.Matches(turnContext.Activity.Text, voice.List(turnContext, RecommendText.EarlierFirstWords));
        var ids = first ? search.Carousels[0] : search.Carousels[^2];
        var products = new List<Product>();
        foreach (var id in ids)
            if (await catalog.GetAsync(id, cancellationToken) is { } product) products.Add(product);
        if (products.Count == 0) return false;

        await turnContext.SendActivityAsync(MessageFactory.Text(voice.Line(turnContext, RecommendText.IntroEarlier)), cancellationToken);
        await presenter.ShowProductsAsync(turnContext, products, cancellationToken);
        search.RememberCarousel(products.Select(p => p.Id));
        // "Cheaper" had lowered the budget for the cards it showed: the earlier ones were found at the budget given.
        search.RestoreGivenBudget();
        (search.LastShownMinPrice, search.LastShownMaxPrice) = (products.Min(p => p.Price), products.Max(p => p.Price));
        search.CheapestShown = false;
        await turnContext.SendActivityAsync(presenter.FollowUp(turnContext, RecommendText.FollowUp, search), cancellationToken);
        return true;
    }
}
