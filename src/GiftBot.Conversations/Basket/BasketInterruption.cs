using GiftBot.Catalog;
using GiftBot.Conversations.ClickTracking;
using GiftBot.Conversations.Funnel;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Interruptions;
using GiftBot.Conversations.Text;
using GiftBot.Language;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Basket;

/// <summary>
/// The basket at any point of the conversation: add (ADD_TO_BASKET:id), view (VIEW_BASKET or "what's in my basket"),
/// remove (REMOVE_FROM_BASKET:id) and checkout (CHECKOUT or "I want to pay").
/// </summary>
public sealed class BasketInterruption : IInterruptionHandler
{
    private readonly BasketStore _store;
    private readonly IProductCatalog _catalog;
    private readonly BotVoice _voice;
    private readonly SearchWords _words;
    private readonly TrackedLinks _links;
    private readonly FunnelRecorder _funnel;

    public BasketInterruption(BasketStore store, IProductCatalog catalog, BotVoice voice, SearchWords words, TrackedLinks links, FunnelRecorder funnel)
    {
        _store = store;
        _catalog = catalog;
        _voice = voice;
        _words = words;
        _links = links;
        _funnel = funnel;
    }

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        var action = command?.Name ?? understanding.Intent switch
        {
            GiftIntents.ViewBasket => Payloads.ViewBasket,
            GiftIntents.Checkout => Payloads.Checkout,
            _ => null,
        };
        switch (action)
        {
            case Payloads.AddToBasket: await AddAsync(turnContext, command!.RequiredArgument, cancellationToken); return true;
            case Payloads.RemoveFromBasket: await RemoveAsync(turnContext, command!.RequiredArgument, cancellationToken); return true;
            case Payloads.ViewBasket: await ShowAsync(turnContext, cancellationToken); return true;
            case Payloads.Checkout: await CheckoutAsync(turnContext, cancellationToken); return true;
            default: return false;
        }
    }

    private async Task AddAsync(ITurnContext turnContext, string productId, CancellationToken cancellationToken)
    {
        var product = await _catalog.GetAsync(productId, cancellationToken);
        if (product is null)
        {
            await SayAsync(turnContext, _voice.Line(turnContext, BasketText.UnknownProduct), cancellationToken);
            return;
        }
        if (!product.IsInStock)
        {
            await SayAsync(turnContext, _voice.Line(turnContext, BasketText.OutOfStock, "title", product.Title), cancellationToken);
            return;
        }
        var basket = await _store.GetAsync(turnContext, cancellationToken);
        if (basket.Find(product.Id) is { } line)
        {
            line.Quantity = Math.Min(line.Quantity + 1, BasketStore.MaxQuantity);
        }
        else if (basket.Items.Count >= BasketStore.MaxLines)
        {
            await SayAsync(turnContext, _voice.Line(turnContext, BasketText.AlreadyFull, "max", $"{BasketStore.MaxLines}"), cancellationToken);
            return;
        }
        else
        {
            basket.Items.Add(new BasketItem { ProductId = product.Id, Title = product.Title, Price = product.Price, Currency = product.Currency });
        }

        var text = _voice.Line(turnContext, BasketText.Added, new Dictionary<string, string?> { ["title"] = product.Title, ["count"] = Count(turnContext, basket) });
        await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, text, BasketActions(turnContext)), cancellationToken);
        await _funnel.RecordAsync(turnContext, FunnelEventKinds.AddedToBasket, new Dictionary<string, string> { ["productId"] = product.Id }, cancellationToken);
    }

    private async Task RemoveAsync(ITurnContext turnContext, string productId, CancellationToken cancellationToken)
    {
        var basket = await _store.GetAsync(turnContext, cancellationToken);
        if (basket.Find(productId) is not { } line)
        {
            await SayAsync(turnContext, _voice.Line(turnContext, BasketText.NotInBasket), cancellationToken);
            return;
        }
        basket.Items.Remove(line);
        if (basket.Items.Count == 0)
        {
            await SayAsync(turnContext, _voice.Line(turnContext, BasketText.RemovedLast, "title", line.Title), cancellationToken);
            return;
        }
        var text = _voice.Line(turnContext, BasketText.Removed, new Dictionary<string, string?> { ["title"] = line.Title, ["count"] = Count(turnContext, basket) });
        await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, text, BasketActions(turnContext)), cancellationToken);
    }

    private async Task ShowAsync(ITurnContext turnContext, CancellationToken cancellationToken)
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
                ["price"] = _words.Money(turnContext, item.Price, item.Currency), ["quantity"] = $"{item.Quantity}",
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

    private async Task CheckoutAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var basket = await _store.GetAsync(turnContext, cancellationToken);
        if (basket.Items.Count == 0)
        {
            await SendEmptyAsync(turnContext, BasketText.CheckoutEmpty, cancellationToken);
            return;
        }
        var link = await _links.CheckoutLinkAsync(turnContext, basket.Items, cancellationToken);
        var card = new HeroCard
        {
            Text = _voice.Line(turnContext, BasketText.CheckoutReady, new Dictionary<string, string?> { ["count"] = Count(turnContext, basket), ["total"] = Total(turnContext, basket) }),
            Buttons = [new CardAction(ActionTypes.OpenUrl, _voice.Line(turnContext, BasketText.CheckoutButton), value: link)],
        };
        await turnContext.SendActivityAsync(MessageFactory.Attachment(card.ToAttachment()), cancellationToken);
        // With click tracking the redirect counts the real click; without it, asking for the link is the closest signal.
        if (!_links.Enabled)
            await _funnel.RecordAsync(turnContext, FunnelEventKinds.CheckoutClicked, new Dictionary<string, string>
            {
                ["productIds"] = string.Join(",", basket.Items.Select(i => i.ProductId)), ["itemCount"] = $"{basket.Count}", ["source"] = "chat",
            }, cancellationToken);
    }

    private Task SendEmptyAsync(ITurnContext turnContext, string key, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(QuickReplies.Message(turnContext, _voice.Line(turnContext, key),
            [QuickReplies.Command(_voice.Line(turnContext, GiftFinderText.FindGift), Payloads.FindGift)]), cancellationToken);

    private Task SayAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    private List<GiftBot.Dialogs.Choices.Choice> BasketActions(ITurnContext turnContext) =>
    [
        QuickReplies.Command(_voice.Line(turnContext, BasketText.ViewBasket), Payloads.ViewBasket),
        QuickReplies.Command(_voice.Line(turnContext, BasketText.Checkout), Payloads.Checkout),
    ];

    private string Count(ITurnContext turnContext, ShopperBasket basket) => basket.Count == 1
        ? _voice.Line(turnContext, BasketText.CountOne)
        : _voice.Line(turnContext, BasketText.CountMany, "count", $"{basket.Count}");

    private string Total(ITurnContext turnContext, ShopperBasket basket) =>
        _words.Money(turnContext, basket.Items.Sum(i => i.Price * i.Quantity), basket.Items[0].Currency);
}
