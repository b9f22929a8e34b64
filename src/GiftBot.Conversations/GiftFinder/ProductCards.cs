using GiftBot.Catalog;
using GiftBot.Conversations.ClickTracking;
using GiftBot.Conversations.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>
/// One hero card per product: picture, title, price in the shop's currency, one reason tied to the shopper's answers,
/// and the buttons view (link), add to basket and more like this.
/// </summary>
public sealed class ProductCards
{
    private readonly BotVoice _voice;
    private readonly SearchWords _words;
    private readonly TrackedLinks _links;

    public ProductCards(BotVoice voice, SearchWords words, TrackedLinks links)
    {
        _voice = voice;
        _words = words;
        _links = links;
    }

    public async Task<Attachment> CardAsync(ITurnContext turnContext, Product product, GiftSearch search, IReadOnlyList<InterestTheme> themes, CancellationToken cancellationToken)
    {
        var link = await _links.ProductLinkAsync(turnContext, product, cancellationToken);
        var card = new HeroCard
        {
            Title = product.Title,
            Subtitle = _words.Money(turnContext, product.Price, product.Currency),
            Text = Reason(turnContext, product, search, themes),
            Images = [new CardImage(product.ImageLink, alt: product.Title)],
            Buttons =
            [
                new CardAction(ActionTypes.OpenUrl, _voice.Line(turnContext, RecommendText.View), value: link),
                new CardAction(ActionTypes.PostBack, _voice.Line(turnContext, RecommendText.Add), value: Payloads.With(Payloads.AddToBasket, product.Id)),
                new CardAction(ActionTypes.PostBack, _voice.Line(turnContext, RecommendText.MoreLikeThis), value: Payloads.With(Payloads.MoreLikeThis, product.Id)),
            ],
        };
        return card.ToAttachment();
    }

    /// <summary>The strongest link between the product and the answers: a shared interest, then the age, then the budget.</summary>
    public string Reason(ITurnContext turnContext, Product product, GiftSearch search, IReadOnlyList<InterestTheme> themes)
    {
        var interest = search.Interests.FirstOrDefault(i => product.Interests.Contains(i, StringComparer.OrdinalIgnoreCase));
        if (interest is not null)
            return _voice.Line(turnContext, RecommendText.ReasonInterest, "interest", SearchWords.ThemeName(themes, interest));
        if (_words.Age(turnContext, search) is { } age && product.MinAge <= search.AgeMax && product.MaxAge >= search.AgeMin)
            return _voice.Line(turnContext, RecommendText.ReasonAge, "age", age);
        if (search.BudgetMax is { } max && product.Price <= max)
            return _voice.Line(turnContext, RecommendText.ReasonBudget, "budget", _words.Money(turnContext, max));
        return _voice.Line(turnContext, RecommendText.ReasonPopular);
    }
}
