namespace GiftBot.Conversations.Basket;

/// <summary>The shopper's basket, kept in UserState so it survives a cancelled search, a state reset and a restart.</summary>
public sealed class ShopperBasket
{
    public List<BasketItem> Items { get; set; } = [];

    public int Count => Items.Sum(i => i.Quantity);

    /// <summary>What the lines cost together, at the prices the shopper saw (a method: the state stores lines, not sums).</summary>
    public decimal TotalPrice() => Items.Sum(i => i.Price * i.Quantity);

    /// <summary>The last add, so "undo" puts its line back as it was; null once anything else changed the basket.</summary>
    public BasketUndo? LastAdd { get; set; }

    public BasketItem? Find(string productId) => Items.Find(i => string.Equals(i.ProductId, productId, StringComparison.Ordinal));
}

/// <summary>One line of the basket; title and price are what the shopper saw when adding it (the catalog may change).</summary>
public sealed class BasketItem
{
    public string ProductId { get; set; } = "";
    public string Title { get; set; } = "";
    public decimal Price { get; set; }
    public string Currency { get; set; } = "";
    public int Quantity { get; set; } = 1;
}

/// <param name="QuantityBefore">0 when the add made the line.</param>
public sealed record BasketUndo(string ProductId, int QuantityBefore);
