using GiftBot.Catalog;
using GiftBot.Content;
using GiftBot.Conversations.ClickTracking;
using GiftBot.Conversations.Funnel;
using GiftBot.Conversations.Text;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Basket;

/// <summary>What the shopper sees of the basket: its lines with remove buttons and the total, and the checkout link.</summary>
public sealed class BasketViews
{
    private readonly BasketStore _store;
    private readonly IProductCatalog _catalog;
    private readonly BotVoice _voice;
    private readonly TrackedLinks _links;
    private readonly FunnelRecorder _funnel;
    private readonly PageInfo? _page;

    public BasketViews(BasketStore store, IProductCatalog catalog, BotVoice voice, TrackedLinks links, FunnelRecorder funnel, PageInfo? page = null)
    {
        _page = page;
        _store = store;
        _catalog = catalog;
        _voice = voice;
        _links = links;
        _funnel = funnel;
    }

    public async Task ShowAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var basket = await _store.GetAsync(turnContext, cancellationToken);
        if (basket.Items.Count == 0)
        {
            await SendEmptyAsync(turnContext, BasketText.Empty, cancellationToken);
            return;
        }
        var cards = new List<Attachment>();
        foreach (var item in basket.Items)
        {
            var product = await _catalog.GetAsync(item.ProductId, cancellationToken);
            var price = _voice.Line(turnContext, BasketText.ItemPrice, new Dictionary<string, string?>
            {
                ["price"] = PriceFormatter.Format(item.Price, item.Currency, BotVoice.LocaleOf(turnContext)), ["quantity"] = $"{item.Quantity}",
            });
            cards.Add(new HeroCard
            {
                Title = item.Title,
                Subtitle = price,
                Text = product is { IsInStock: true } ? null : _voice.Line(turnContext, BasketText.Unavailable),
                Images = product is null ? null : [new CardImage(product.ImageLink, alt: product.Title)],
                Buttons = [new CardAction(ActionTypes.PostBack, _voice.Line(turnContext, BasketText.Remove), value: Payloads.With(Payloads.RemoveFromBasket, item.ProductId))],
            }.ToAttachment());
        }
        await turnContext.SendActivityAsync(MessageFactory.Carousel(cards), cancellationToken);
        var summary = _voice.Line(turnContext, BasketText.Summary, new Dictionary<string, string?> { ["count"] = Count(turnContext, basket), ["total"] = Total(turnContext, basket) });
        await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, summary,
            [QuickReplies.Command(_voice.Line(turnContext, BasketText.Checkout), Payloads.Checkout)]), cancellationToken);
    }

    public async Task CheckoutAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var basket = await _store.GetAsync(turnContext, cancellationToken);
        if (basket.Items.Count == 0)
        {
            await SendEmptyAsync(turnContext, BasketText.CheckoutEmpty, cancellationToken);
            return;
        }
        var link = await _links.CheckoutLinkAsync(turnContext, basket.Items.Select(i => (i.ProductId, i.Quantity)).ToList(), cancellationToken);
        var card = new HeroCard
        {
            Text = _voice.Line(turnContext, BasketText.CheckoutReady, new Dictionary<string, string?> { ["count"] = Count(turnContext, basket), ["total"] = Total(turnContext, basket) }),
            Buttons = [new CardAction(ActionTypes.OpenUrl, _voice.Line(turnContext, BasketText.CheckoutButton), value: link)],
        };
        await turnContext.SendActivityAsync(MessageFactory.Attachment(card.ToAttachment()), cancellationToken);
        // What happens next (payment and delivery on the shop's site), and a way back to shopping.
        await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, _voice.Line(turnContext, BasketText.AfterCheckout),
        [
            QuickReplies.Command(_voice.Line(turnContext, BasketText.KeepShopping), Payloads.FindGift),
            QuickReplies.Command(_voice.Line(turnContext, CommonText.ViewBasket), Payloads.ViewBasket),
        ]), cancellationToken);
        // With click tracking the redirect counts the real click; without it, asking for the link is the closest signal.
        if (!_links.Enabled)
            await _funnel.RecordAsync(turnContext, FunnelEventKinds.CheckoutClicked, new Dictionary<string, string>
            {
                ["productIds"] = string.Join(",", basket.Items.Select(i => i.ProductId)), ["itemCount"] = $"{basket.Count}", ["source"] = "chat",
            }, cancellationToken);
    }

    /// <summary>"How much with delivery?": the basket's total with standard delivery added (or said to be free). False when
    /// the basket is empty or the shop's delivery prices are unknown, for the FAQ's answer on delivery costs.</summary>
    public async Task<bool> ShowTotalWithDeliveryAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var basket = await _store.GetAsync(turnContext, cancellationToken);
        if (basket.Items.Count == 0 || _page?.Delivery is not { } delivery) return false;
        var total = basket.TotalPrice();
        var currency = basket.Items[0].Currency;
        var locale = BotVoice.LocaleOf(turnContext);
        var cost = delivery.For(total);
        var line = _voice.Line(turnContext, cost == 0 ? BasketText.WithFreeDelivery : BasketText.WithDelivery, new Dictionary<string, string?>
        {
            ["count"] = Count(turnContext, basket), ["total"] = Total(turnContext, basket),
            ["delivery"] = PriceFormatter.Format(cost, currency, locale), ["grand_total"] = PriceFormatter.Format(total + cost, currency, locale),
            ["free_from"] = delivery.FreeFrom is { } free ? PriceFormatter.Format(free, currency, locale) : null,
        });
        await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, line,
        [
            QuickReplies.Command(_voice.Line(turnContext, BasketText.Checkout), Payloads.Checkout),
            QuickReplies.Command(_voice.Line(turnContext, CommonText.ViewBasket), Payloads.ViewBasket),
        ]), cancellationToken);
        return true;
    }

    private Task SendEmptyAsync(ITurnContext turnContext, string key, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(QuickReplies.Message(turnContext, _voice.Line(turnContext, key),
            [QuickReplies.Command(_voice.Line(turnContext, CommonText.FindGift), Payloads.FindGift)]), cancellationToken);

    /// <summary>"1 item", "3 items".</summary>
    public string Count(ITurnContext turnContext, ShopperBasket basket) => basket.Count == 1
        ? _voice.Line(turnContext, BasketText.CountOne)
        : _voice.Line(turnContext, BasketText.CountMany, "count", $"{basket.Count}");

    public string Total(ITurnContext turnContext, ShopperBasket basket) =>
        PriceFormatter.Format(basket.TotalPrice(), basket.Items[0].Currency, BotVoice.LocaleOf(turnContext));
}
