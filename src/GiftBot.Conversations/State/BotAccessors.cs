using GiftBot.Dialogs;
using GiftBot.Storage;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.State;

/// <summary>
/// The state every feature shares. ConversationState: the dialog stack and conversation facts (reset when the dialog
/// state cannot be read). Features keep their own properties next to them (the basket, the gift search, saved recipients).
/// </summary>
public sealed class BotAccessors
{
    public BotAccessors(ConversationState conversationState, UserState userState)
    {
        ConversationState = conversationState;
        UserState = userState;
        DialogState = conversationState.CreateTrackedProperty<DialogState>(nameof(DialogState));
        ConversationData = conversationState.CreateTrackedProperty<ConversationData>(nameof(ConversationData));
    }

    public ConversationState ConversationState { get; }
    public UserState UserState { get; }
    public IStatePropertyAccessor<DialogState> DialogState { get; }
    public IStatePropertyAccessor<ConversationData> ConversationData { get; }
}
