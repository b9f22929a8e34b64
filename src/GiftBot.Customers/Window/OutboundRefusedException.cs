namespace GiftBot.Customers.Window;

/// <summary>A message GiftBot must not send to Meta. Catch this base type to handle every refusal.</summary>
public abstract class OutboundRefusedException(string message, OutboundKind kind) : InvalidOperationException(message)
{
    public OutboundKind Kind { get; } = kind;
}

public enum WindowClosedReason
{
    /// <summary>The person never messaged (no interaction is recorded).</summary>
    NoInteraction,

    /// <summary>More than 24 hours since the last qualifying interaction, and the message is not a human agent's.</summary>
    StandardWindowExpired,

    /// <summary>A human agent's message more than 7 days after the person's last message.</summary>
    HumanAgentWindowExpired,
}

/// <summary>Outside the 24-hour window (and outside the 7-day HUMAN_AGENT allowance where that applies).</summary>
public sealed class MessagingWindowClosedException(WindowClosedReason reason, DateTimeOffset? lastInteractionAt, OutboundKind kind)
    : OutboundRefusedException($"Messaging window closed for a {kind} message: {reason} (last interaction {lastInteractionAt?.ToString("O") ?? "never"}).", kind)
{
    public WindowClosedReason Reason { get; } = reason;

    public DateTimeOffset? LastInteractionAt { get; } = lastInteractionAt;
}

/// <summary>ACCOUNT_UPDATE, CONFIRMED_EVENT_UPDATE and POST_PURCHASE_UPDATE were retired by Meta on 2026-04-27.</summary>
public sealed class RetiredMessageTagException(string tag, OutboundKind kind)
    : OutboundRefusedException($"Message tag {tag} was retired by Meta on 2026-04-27 (error 100); only HUMAN_AGENT is available.", kind)
{
    public string Tag { get; } = tag;
}

/// <summary>A tag that is not allowed for this message: HUMAN_AGENT on an automated message, or a tag GiftBot does not support.</summary>
public sealed class MessageTagNotAllowedException(string tag, OutboundKind kind, string reason)
    : OutboundRefusedException($"Message tag {tag} is not allowed for a {kind} message: {reason}", kind)
{
    public string Tag { get; } = tag;
}
