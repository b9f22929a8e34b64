namespace GiftBot.Customers.Window;

/// <summary>
/// Meta's rules for messages that are not replies (Messenger Platform, "Messaging window, tags"): within 24 hours of the
/// person's last qualifying interaction anything may be sent (RESPONSE for a reply, UPDATE when the bot starts it);
/// after that only a human agent may write, within 7 days of the person's last message, tagged HUMAN_AGENT.
/// Everything else is refused here with a typed exception instead of failing at Meta.
/// </summary>
public sealed class MessagingWindowPolicy(TimeProvider time)
{
    public static readonly TimeSpan StandardWindow = TimeSpan.FromHours(24);
    public static readonly TimeSpan HumanAgentWindow = TimeSpan.FromDays(7);

    /// <param name="lastInteractionAt">Last message, postback, referral or reaction.</param>
    /// <param name="lastUserMessageAt">Last message (or postback) the person sent.</param>
    public OutboundDecision Decide(DateTimeOffset? lastInteractionAt, DateTimeOffset? lastUserMessageAt, OutboundKind kind, string? requestedTag)
    {
        var tag = CheckTag(requestedTag, kind);
        var now = time.GetUtcNow();
        if (lastInteractionAt is { } last && now - last < StandardWindow)
        {
            if (tag is not null)
            {
                return new OutboundDecision(MessagingTypes.MessageTag, tag);
            }

            return new OutboundDecision(kind == OutboundKind.BotUpdate ? MessagingTypes.Update : MessagingTypes.Response, null);
        }

        if (kind != OutboundKind.HumanAgent)
        {
            throw new MessagingWindowClosedException(
                lastInteractionAt is null ? WindowClosedReason.NoInteraction : WindowClosedReason.StandardWindowExpired, lastInteractionAt, kind);
        }

        if (lastUserMessageAt is null)
        {
            throw new MessagingWindowClosedException(WindowClosedReason.NoInteraction, lastInteractionAt, kind);
        }

        if (now - lastUserMessageAt.Value < HumanAgentWindow)
        {
            return new OutboundDecision(MessagingTypes.MessageTag, MessageTags.HumanAgent);
        }

        throw new MessagingWindowClosedException(WindowClosedReason.HumanAgentWindowExpired, lastInteractionAt, kind);
    }

    /// <summary>For channels without Meta's window (Emulator, Web Chat): tags are still checked, timing is not.</summary>
    public static OutboundDecision DecideWithoutWindow(OutboundKind kind, string? requestedTag)
    {
        CheckTag(requestedTag, kind);
        return new OutboundDecision(kind == OutboundKind.BotUpdate ? MessagingTypes.Update : MessagingTypes.Response, null);
    }

    public MessagingWindowStatus Describe(DateTimeOffset? lastInteractionAt, DateTimeOffset? lastUserMessageAt)
    {
        var now = time.GetUtcNow();
        var closesAt = lastInteractionAt + StandardWindow;
        var humanUntil = lastUserMessageAt + HumanAgentWindow;
        return new MessagingWindowStatus(closesAt > now, closesAt, humanUntil > now, humanUntil);
    }

    private static string? CheckTag(string? requestedTag, OutboundKind kind)
    {
        if (string.IsNullOrWhiteSpace(requestedTag))
        {
            return null;
        }

        var tag = requestedTag.Trim().ToUpperInvariant();
        if (MessageTags.Retired.Contains(tag))
        {
            throw new RetiredMessageTagException(tag, kind);
        }

        if (tag != MessageTags.HumanAgent)
        {
            throw new MessageTagNotAllowedException(tag, kind, "GiftBot sends only HUMAN_AGENT (CUSTOMER_FEEDBACK needs Meta's feedback template).");
        }

        if (kind != OutboundKind.HumanAgent)
        {
            throw new MessageTagNotAllowedException(tag, kind, "Meta allows HUMAN_AGENT only for messages written by a person, never automated ones.");
        }

        return tag;
    }
}
