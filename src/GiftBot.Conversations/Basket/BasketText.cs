namespace GiftBot.Conversations.Basket;

/// <summary>Content keys of the basket and checkout (content/text/&lt;locale&gt;/basket.json).</summary>
public static class BasketText
{
    public const string Added = "basket.added";
    public const string AlreadyFull = "basket.alreadyFull";
    public const string CountOne = "basket.countOne";
    public const string CountMany = "basket.countMany";
    public const string Empty = "basket.empty";
    public const string Summary = "basket.summary";
    public const string WithDelivery = "basket.withDelivery";
    public const string WithFreeDelivery = "basket.withFreeDelivery";
    public const string DeliveryTotalAsks = "basket.typed.deliveryTotalAsks";
    public const string ItemPrice = "basket.itemPrice";
    public const string Unavailable = "basket.unavailable";
    public const string Remove = "basket.buttons.remove";
    public const string Checkout = "basket.quickReplies.checkout";
    public const string Removed = "basket.removed";
    public const string RemovedLast = "basket.removedLast";
    public const string NotInBasket = "basket.notInBasket";
    public const string UnknownProduct = "basket.unknownProduct";
    public const string OutOfStock = "basket.outOfStock";
    public const string CheckoutReady = "basket.checkoutReady";
    public const string AfterCheckout = "basket.afterCheckout";
    public const string KeepShopping = "basket.quickReplies.keepShopping";
    public const string CheckoutButton = "basket.buttons.checkout";
    public const string CheckoutEmpty = "basket.checkoutEmpty";

    // Typed requests ("remove the rocket", "empty my basket", "add the second one", "2 of the shuttle").
    public const string RemoveAsks = "basket.typed.removeAsks";
    public const string UndoAsks = "basket.typed.undoAsks";
    public const string EmptyAsks = "basket.typed.emptyAsks";
    public const string AddAsks = "basket.typed.addAsks";
    public const string QuantityWords = "basket.typed.quantityWords";
    public const string NumberWords = "basket.typed.numberWords";
    public const string BasketWords = "basket.typed.basketWords";
    public const string RemoveWhich = "basket.removeWhich";
    public const string RemoveNoMatch = "basket.removeNoMatch";
    public const string EmptyConfirm = "basket.emptyConfirm";
    public const string Emptied = "basket.emptied";
    public const string EmptyKept = "basket.emptyKept";
    public const string EmptyYes = "basket.quickReplies.emptyYes";
    public const string EmptyNo = "basket.quickReplies.emptyNo";
    public const string AddWhich = "basket.addWhich";
    public const string AddNothingShown = "basket.addNothingShown";
    public const string QuantitySet = "basket.quantitySet";
    public const string QuantityCapped = "basket.quantityCapped";
}
