using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.FollowUps;

/// <summary>
/// Sends a message into a conversation outside a turn (follow-ups). The host implements it per channel with the right
/// adapter's ContinueConversationAsync (CloudAdapter with the bot's app id for Bot Framework channels, the Facebook
/// adapter for the direct Messenger channel) and the callback sending <paramref name="activity"/>.
/// Callers check the messaging window first; an implementation may still throw the customers' OutboundRefusedException.
/// </summary>
public interface IProactiveSender
{
    Task SendAsync(ConversationReference conversation, IActivity activity, CancellationToken cancellationToken);
}
