using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace GiftBot.Conversations.Basket;

/// <summary>Reads and changes the basket in UserState. A basket that cannot be read is replaced by an empty one rather than failing every turn.</summary>
public sealed class BasketStore
{
    /// <summary>Lines a basket holds: a Messenger carousel shows ten.</summary>
    public const int MaxLines = 10;
    public const int MaxQuantity = 10;

    private readonly IStatePropertyAccessor<ShopperBasket> _basket;
    private readonly ILogger<BasketStore> _logger;

    public BasketStore(UserState userState, ILogger<BasketStore> logger)
    {
        _basket = userState.CreateTrackedProperty<ShopperBasket>("Basket");
        _logger = logger;
    }

    public async Task<ShopperBasket> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            return await _basket.GetAsync(turnContext, () => new ShopperBasket(), cancellationToken);
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "The stored basket on channel {ChannelId} could not be read; starting an empty one", turnContext.Activity.ChannelId);
            var basket = new ShopperBasket();
            await _basket.SetAsync(turnContext, basket, cancellationToken);
            return basket;
        }
    }
}
