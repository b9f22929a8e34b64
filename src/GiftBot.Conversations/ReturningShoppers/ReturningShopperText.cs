namespace GiftBot.Conversations.ReturningShoppers;

/// <summary>Content keys of the offer to pick up where a returning shopper left off.</summary>
public static class ReturningShopperText
{
    public const string Offer = "main.returningOffer";
    public const string Yes = "main.quickReplies.returningYes";
    public const string No = "main.quickReplies.returningNo";
}
