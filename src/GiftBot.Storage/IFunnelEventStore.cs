namespace GiftBot.Storage;

/// <summary>One step of the shopping funnel, counted later by the dashboard.</summary>
public sealed record FunnelEvent
{
    /// <summary>One of <see cref="FunnelEventKinds"/>.</summary>
    public required string Kind { get; init; }
    public required string ChannelId { get; init; }
    public required string ConversationId { get; init; }
    /// <summary>Channel user id (e.g. the PSID); not personal data beyond the id.</summary>
    public string? UserId { get; init; }
    /// <summary>Small facts about the step: question name, product ids, ... (no message text).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
    public DateTimeOffset Timestamp { get; init; } = DateTimeOffset.UtcNow;
}

public static class FunnelEventKinds
{
    public const string ConversationStarted = "conversation_started";
    public const string QuestionAnswered = "question_answered";
    public const string RecommendationsShown = "recommendations_shown";
    public const string ProductViewed = "product_viewed";
    public const string AddedToBasket = "added_to_basket";
    public const string CheckoutClicked = "checkout_clicked";
    public const string HandoverRequested = "handover_requested";
    public const string FaqAnswered = "faq_answered";
    public const string NotUnderstood = "not_understood";
}

public interface IFunnelEventStore
{
    Task RecordAsync(FunnelEvent funnelEvent, CancellationToken cancellationToken = default);
    Task<IReadOnlyDictionary<string, long>> CountByKindAsync(DateTimeOffset? since = null, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<FunnelEvent>> ListAsync(string? kind = null, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>A shopper's data deletion: their events stay counted but no longer name them (user and conversation ids cleared).</summary>
    Task<int> ForgetUserAsync(string channelId, string userId, CancellationToken cancellationToken = default);
}
