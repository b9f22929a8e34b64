using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace GiftBot.Customers.Tests.Support;

/// <summary>
/// Writes a user's basket and saved recipients through Bot Builder's UserState, with the property names and shapes the
/// conversations use ("Basket": ShopperBasket, "RecipientProfiles": RecipientProfiles), so the card reads a real document.
/// </summary>
public static class UserStateSeed
{
    public static async Task WriteAsync(IStorage storage, string channelId, string userId)
    {
        var userState = new UserState(storage);
        var adapter = new TestAdapter(Conversations.Reference(channelId, userId));
        await adapter.ProcessActivityAsync(Conversations.Message("hi"), async (turn, ct) =>
        {
            await userState.CreateProperty<Basket>("Basket").SetAsync(turn, new Basket
            {
                Items = [new BasketItem { ProductId = "GB-1047", Title = "First Telescope 50 mm", Price = 49.99m, Currency = "EUR", Quantity = 1 }],
            }, ct);
            await userState.CreateProperty<Recipients>("RecipientProfiles").SetAsync(turn, new Recipients
            {
                Profiles = [new RecipientProfile { Recipient = "nephew", AgeMin = 8, AgeMax = 8, Interests = ["space"] }],
            }, ct);
            await userState.SaveChangesAsync(turn, force: false, ct);
        }, default);
    }

    public sealed class Basket
    {
        public List<BasketItem> Items { get; set; } = [];
    }

    public sealed class BasketItem
    {
        public string ProductId { get; set; } = "";
        public string Title { get; set; } = "";
        public decimal Price { get; set; }
        public string Currency { get; set; } = "";
        public int Quantity { get; set; }
    }

    public sealed class Recipients
    {
        public List<RecipientProfile> Profiles { get; set; } = [];
    }

    public sealed class RecipientProfile
    {
        public string Recipient { get; set; } = "";
        public int? AgeMin { get; set; }
        public int? AgeMax { get; set; }
        public List<string> Interests { get; set; } = [];
    }
}
