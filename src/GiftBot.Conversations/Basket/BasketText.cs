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
    public const string ItemPrice = "basket.itemPrice";
    public const string Unavailable = "basket.unavailable";
    public const string Remove = "basket.buttons.remove";
    public const string Checkout = "basket.quickReplies.checkout";
    public const string ViewBasket = "basket.quickReplies.viewBasket";
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
}
