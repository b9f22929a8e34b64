using GiftBot.Catalog;
using GiftBot.Conversations.Funnel;
using GiftBot.Conversations.Interruptions;
using GiftBot.Conversations.State;
using GiftBot.Conversations.Text;
using GiftBot.Language;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Basket;

/// <summary>
/// The basket at any point of the conversation: add (ADD_TO_BASKET:id), view (VIEW_BASKET or "what's in my basket"),
/// remove (REMOVE_FROM_BASKET:id), empty (EMPTY_BASKET after a confirmation) and checkout (CHECKOUT or "I want to pay");
/// typed requests to add, remove or empty are read in BasketInterruption.Typed.cs.
/// </summary>
public sealed partial class BasketInterruption : IInterruptionHandler
{
    private readonly BasketStore _store;
    private readonly IProductCatalog _catalog;
    private readonly BotVoice _voice;
    private readonly BasketViews _views;
    private readonly FunnelRecorder _funnel;
    private readonly ShownProducts _shown;
    private readonly EmptyBasketQuestion _emptyQuestion;

    public BasketInterruption(BasketStore store, IProductCatalog catalog, BotVoice voice, BasketViews views, FunnelRecorder funnel, ShownProducts shown,
        EmptyBasketQuestion emptyQuestion)
    {
        _shown = shown;
        _emptyQuestion = emptyQuestion;
        _store = store;
        _catalog = catalog;
        _voice = voice;
        _views = views;
        _funnel = funnel;
    }

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        // "Empty your basket?" was asked last: a typed yes or no answers it like its buttons; anything else closes it.
        var emptyAsked = turnContext.Activity.Type == ActivityTypes.Message && await _emptyQuestion.CloseAsync(turnContext, cancellationToken);
        var emptyAnswer = command is null && emptyAsked ? TypedYesOrNo(turnContext) : null;
        if (emptyAnswer is null && command is null && await TryTypedAsync(turnContext, cancellationToken)) return true;
        var action = emptyAnswer switch
        {
            true => Payloads.EmptyBasket,
            false => Payloads.KeepBasket,
            null => command?.Name ?? understanding.Intent switch
            {
                GiftIntents.ViewBasket => Payloads.ViewBasket,
                GiftIntents.Checkout => Payloads.Checkout,
                _ => null,
            },
        };
        switch (action)
        {
            case Payloads.AddToBasket: await AddAsync(turnContext, command!.RequiredArgument, null, cancellationToken); return true;
            case Payloads.RemoveFromBasket: await RemoveAsync(turnContext, command!.RequiredArgument, cancellationToken); return true;
            case Payloads.ViewBasket: await _views.ShowAsync(turnContext, cancellationToken); return true;
            case Payloads.Checkout: await _views.CheckoutAsync(turnContext, cancellationToken); return true;
            case Payloads.EmptyBasket: await EmptyAsync(turnContext, cancellationToken); return true;
            case Payloads.KeepBasket: await SendWithActionsAsync(turnContext, _voice.Line(turnContext, BasketText.EmptyKept), cancellationToken); return true;
            default: return false;
        }
    }

    /// <param name="quantity">How many the shopper asked for ("2 of the rocket"): the line holds that many; null adds one.</param>
    private async Task AddAsync(ITurnContext turnContext, string productId, int? quantity, CancellationToken cancellationToken)
    {
        var product = await _catalog.GetAsync(productId, cancellationToken);
        if (product is null)
        {
            // A tap on an old carousel's card after the catalog dropped the product: a way on, not a dead end.
            await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, _voice.Line(turnContext, BasketText.UnknownProduct),
            [
                QuickReplies.Command(_voice.Line(turnContext, CommonText.FindGift), Payloads.FindGift),
                QuickReplies.Command(_voice.Line(turnContext, CommonText.ViewBasket), Payloads.ViewBasket),
            ]), cancellationToken);
            return;
        }
        if (!product.IsInStock)
        {
            await SayAsync(turnContext, _voice.Line(turnContext, BasketText.OutOfStock, "title", product.Title), cancellationToken);
            return;
        }
        var basket = await _store.GetAsync(turnContext, cancellationToken);
        var line = basket.Find(product.Id);
        if (line is null)
        {
            if (basket.Items.Count >= BasketStore.MaxLines)
            {
                await SayAsync(turnContext, _voice.Line(turnContext, BasketText.AlreadyFull, "max", $"{BasketStore.MaxLines}"), cancellationToken);
                return;
            }
            line = new BasketItem { ProductId = product.Id, Title = product.Title, Price = product.Price, Currency = product.Currency, Quantity = 0 };
            basket.Items.Add(line);
        }
        basket.LastAdd = new BasketUndo(product.Id, line.Quantity);
        line.Quantity = Math.Min(quantity ?? line.Quantity + 1, BasketStore.MaxQuantity);

        var tokens = new Dictionary<string, string?>
        {
            ["title"] = product.Title, ["count"] = _views.Count(turnContext, basket), ["quantity"] = $"{line.Quantity}", ["max"] = $"{BasketStore.MaxQuantity}",
        };
        var key = quantity is null ? BasketText.Added : quantity > BasketStore.MaxQuantity ? BasketText.QuantityCapped : BasketText.QuantitySet;
        await SendWithActionsAsync(turnContext, _voice.Line(turnContext, key, tokens), cancellationToken);
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
        basket.LastAdd = null;
        if (basket.Items.Count == 0)
        {
            await SayAsync(turnContext, _voice.Line(turnContext, BasketText.RemovedLast, "title", line.Title), cancellationToken);
            return;
        }
        var text = _voice.Line(turnContext, BasketText.Removed, new Dictionary<string, string?> { ["title"] = line.Title, ["count"] = _views.Count(turnContext, basket) });
        await SendWithActionsAsync(turnContext, text, cancellationToken);
    }

    private Task SendWithActionsAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(QuickReplies.Message(turnContext, text, BasketActions(turnContext)), cancellationToken);

    private Task SayAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    private List<GiftBot.Dialogs.Choices.Choice> BasketActions(ITurnContext turnContext) =>
    [
        QuickReplies.Command(_voice.Line(turnContext, CommonText.ViewBasket), Payloads.ViewBasket),
        QuickReplies.Command(_voice.Line(turnContext, BasketText.Checkout), Payloads.Checkout),
    ];
}
