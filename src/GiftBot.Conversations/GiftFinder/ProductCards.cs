using System.Globalization;
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
    private readonly ProductImages _images;

    // Messenger shows 80 characters under a card's title: the price, a line break and the body share them.
    private const int SubtitleRoom = 80;

    public ProductCards(BotVoice voice, SearchWords words, TrackedLinks links, ProductImages images)
    {
        _images = images;
        _voice = voice;
        _words = words;
        _links = links;
    }

    public async Task<Attachment> CardAsync(ITurnContext turnContext, Product product, GiftSearch search, IReadOnlyList<InterestTheme> themes, CancellationToken cancellationToken)
    {
        var link = await _links.ProductLinkAsync(turnContext, product, cancellationToken);
        var price = _words.Money(turnContext, product.Price, product.Currency);
        // The gift finder shows only products in stock; a product asked about by name may not be: say so, and offer no
        // button the basket would refuse.
        var subtitle = product.IsInStock ? price : _voice.Line(turnContext, RecommendText.PriceOutOfStock, "amount", price);
        var image = _images.UrlFor(product);
        var buttons = new List<CardAction> { new(ActionTypes.OpenUrl, _voice.Line(turnContext, RecommendText.View), value: link) };
        if (product.IsInStock)
            buttons.Add(new CardAction(ActionTypes.PostBack, _voice.Line(turnContext, RecommendText.Add), value: Payloads.With(Payloads.AddToBasket, product.Id)));
        buttons.Add(new CardAction(ActionTypes.PostBack, _voice.Line(turnContext, RecommendText.MoreLikeThis), value: Payloads.With(Payloads.MoreLikeThis, product.Id)));
        var card = new HeroCard
        {
            Title = product.Title,
            Subtitle = subtitle,
            Text = Body(turnContext, product, search, themes, SubtitleRoom - subtitle.Length - 1),
            Images = image is null ? [] : [new CardImage(image, alt: product.Title)],
            Buttons = buttons,
        };
        return card.ToAttachment();
    }

    /// <summary>The reason it fits, then the product's own description, cut at a word so Messenger shows it whole.</summary>
    private string Body(ITurnContext turnContext, Product product, GiftSearch search, IReadOnlyList<InterestTheme> themes, int room)
    {
        var reason = Reason(turnContext, product, search, themes);
        if (string.IsNullOrWhiteSpace(product.Description)) return reason;
        var body = _voice.Line(turnContext, RecommendText.CardText, new Dictionary<string, string?> { ["reason"] = reason, ["description"] = product.Description.Trim() });
        return Cut(body, Math.Max(room, reason.Length));
    }

    private static string Cut(string text, int room)
    {
        if (text.Length <= room) return text;
        var space = text.LastIndexOf(' ', Math.Max(0, room - 1));
        var cut = space > room / 2 ? text[..space] : text[..(room - 1)];
        return cut.TrimEnd(' ', ',', ';', ':', '.', '-') + "…";
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
        // Nothing the shopper said links it (a product asked about by name): its ages, a fact, rather than a claim.
        if (search is { Interests.Count: 0, AgeMin: null, BudgetMax: null })
            return product.HasNoUpperAge
                ? _voice.Line(turnContext, RecommendText.ReasonAgesFrom, "min", product.MinAge.ToString(CultureInfo.InvariantCulture))
                : _voice.Line(turnContext, RecommendText.ReasonAges, new Dictionary<string, string?> { ["min"] = product.MinAge.ToString(CultureInfo.InvariantCulture), ["max"] = product.MaxAge.ToString(CultureInfo.InvariantCulture) });
        return _voice.Line(turnContext, RecommendText.ReasonPopular);
    }
}
