namespace GiftBot.Storage;

/// <summary>
/// An incoming event that was acknowledged but could not be read (wrong types, not JSON): kept with its reason so the
/// shop can see what was dropped. No content is kept (it may be personal data), only where it was and why.
/// </summary>
public sealed record RejectedEvent
{
    /// <summary>Where it came from, e.g. "facebook".</summary>
    public required string Source { get; init; }
    /// <summary>Where in the body: "body", "entry[0].messaging[1]".</summary>
    public required string Location { get; init; }
    /// <summary>The field and what was expected, e.g. "sender.id: expected a string id, got a number".</summary>
    public required string Reason { get; init; }
    /// <summary>SHA-256 of the raw body (hex), so a redelivery is recorded once and the body can be matched with the sender's logs.</summary>
    public required string BodyHash { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
}

/// <summary>How many events were rejected, and the latest one.</summary>
public sealed record RejectedEventSummary(long Count, RejectedEvent? Latest);

public interface IRejectedEventStore
{
    /// <summary>Records the rejections of one body in one write; an already recorded (body, location) pair is not counted twice.</summary>
    Task RecordAsync(IReadOnlyCollection<RejectedEvent> rejected, CancellationToken cancellationToken = default);

    Task<RejectedEventSummary> SummarizeAsync(CancellationToken cancellationToken = default);

    /// <summary>The latest rejections, newest first.</summary>
    Task<IReadOnlyList<RejectedEvent>> ListRecentAsync(int limit = 100, CancellationToken cancellationToken = default);
}
