using GiftBot.Conversations.Basket;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.ReturningShoppers;
using GiftBot.Dialogs;
using Microsoft.Bot.Builder;

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
        DialogState = conversationState.CreateProperty<DialogState>(nameof(DialogState));
        GiftSearch = conversationState.CreateProperty<GiftSearch>(nameof(GiftSearch));
        ConversationData = conversationState.CreateProperty<ConversationData>(nameof(ConversationData));
        Basket = userState.CreateProperty<ShopperBasket>("Basket");
        RecipientProfiles = userState.CreateProperty<RecipientProfiles>(nameof(RecipientProfiles));
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
