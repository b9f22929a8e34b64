using GiftBot.Conversations.Basket;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.ReturningShoppers;
using GiftBot.Dialogs;
using Microsoft.Bot.Builder;
using GiftBot.Storage;

namespace GiftBot.Conversations.State;

/// <summary>
/// The state properties the bot keeps. ConversationState: the dialog stack, the current gift search, conversation facts
/// (reset when the dialog state cannot be read). UserState: the basket and saved recipients (survive resets and restarts).
/// </summary>
public sealed class BotAccessors
{
    public BotAccessors(ConversationState conversationState, UserState userState)
    {
        ConversationState = conversationState;
        UserState = userState;
        DialogState = conversationState.CreateTrackedProperty<DialogState>(nameof(DialogState));
        GiftSearch = conversationState.CreateTrackedProperty<GiftSearch>(nameof(GiftSearch));
        ConversationData = conversationState.CreateTrackedProperty<ConversationData>(nameof(ConversationData));
        Basket = userState.CreateTrackedProperty<ShopperBasket>("Basket");
        RecipientProfiles = userState.CreateTrackedProperty<RecipientProfiles>(nameof(RecipientProfiles));
    }

    public ConversationState ConversationState { get; }
    public UserState UserState { get; }
    public IStatePropertyAccessor<DialogState> DialogState { get; }
    public IStatePropertyAccessor<GiftSearch> GiftSearch { get; }
    public IStatePropertyAccessor<ConversationData> ConversationData { get; }
    public IStatePropertyAccessor<ShopperBasket> Basket { get; }
    public IStatePropertyAccessor<RecipientProfiles> RecipientProfiles { get; }

    public Task<GiftSearch> GetSearchAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        GiftSearch.GetAsync(turnContext, () => new GiftSearch(), cancellationToken);
}
