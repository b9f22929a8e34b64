namespace GiftBot.Customers.Context;

/// <summary>Reads and changes context cards with optimistic concurrency; every change is a read-modify-write retried on ETag conflicts.</summary>
public interface ICustomerContextStore
{
    Task<CustomerContext?> GetAsync(string channelId, string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored context (a fresh one when missing and <paramref name="createIfMissing"/>)
    /// and saves it unless <paramref name="change"/> returns false: with the running turn's unit of work (once, at its end), or
    /// at once outside a turn. On an ETag conflict the context is read again and the changes run again, so
    /// <paramref name="change"/> must only depend on its argument. Returns null for a missing context that was not to be created.
    /// </summary>
    Task<CustomerContext?> UpdateAsync(string channelId, string userId, Func<CustomerContext, bool> change, bool createIfMissing, CancellationToken cancellationToken);

    /// <summary>Deletes the card and its row in the agents' list (the privacy delete); returns false when there was no card.</summary>
    Task<bool> DeleteAsync(string channelId, string userId, CancellationToken cancellationToken);

    /// <summary>A page of customers matching <paramref name="query"/>, filtered and ordered by the indexed agents' list.</summary>
    Task<CustomerPage> ListAsync(CustomerQuery query, CancellationToken cancellationToken);
}

public sealed record CustomerQuery
{
    public HandoverStatus? Status { get; init; }

    /// <summary>A normalised tag.</summary>
    public string? Tag { get; init; }

    public string? AssignedAgent { get; init; }

    /// <summary>Names starting with this text, any case ("ad" finds Ada and Adam).</summary>
    public string? NameStartsWith { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;
}

public sealed record CustomerPage(IReadOnlyList<CustomerSummary> Items, int Page, int PageSize, int Total);

public sealed record CustomerSummary(
    string ChannelId,
    string UserId,
    string? FirstName,
    IReadOnlyList<string> Tags,
    string? AssignedAgent,
    HandoverStatus HandoverStatus,
    DateTimeOffset? HandoverSince,
    DateTimeOffset? LastInteractionAt)
{
    public static CustomerSummary Of(CustomerContext context) => new(
        context.ChannelId, context.UserId, context.Profile.FirstName, context.Tags, context.AssignedAgent,
        context.Handover.Status, context.Handover.Since, context.LastInteractionAt);
}
