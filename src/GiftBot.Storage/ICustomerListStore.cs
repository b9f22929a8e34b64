namespace GiftBot.Storage;

/// <summary>
/// The agents' list of people as an indexed table: one row per person with the columns the list filters and sorts on.
/// Rows are written in the unit of work that changes the person's card (<see cref="UnitOfWork.UpsertCustomerRow"/>).
/// </summary>
public interface ICustomerListStore
{
    Task<CustomerListPage> QueryAsync(CustomerListQuery query, CancellationToken cancellationToken);

    /// <summary>Removes the person's row and tags (the privacy delete); returns false when there was none.</summary>
    Task<bool> RemoveAsync(string channelId, string userId, CancellationToken cancellationToken);
}

/// <param name="NameKey">The display name folded for search (lower case); null when unknown.</param>
public sealed record CustomerListRow(
    string ChannelId,
    string UserId,
    string? DisplayName,
    string? NameKey,
    string Status,
    DateTimeOffset? StatusSince,
    DateTimeOffset? LastInteractionAt,
    string? AssignedAgent,
    IReadOnlyList<string> Tags,
    string? EntrySource);

public enum CustomerListOrder
{
    /// <summary>Most recent interaction first.</summary>
    RecentFirst,

    /// <summary>Longest in its status first (the waiting queue).</summary>
    LongestInStatusFirst,
}

/// <param name="NamePrefix">Already folded like <see cref="CustomerListRow.NameKey"/>; matches names starting with it.</param>
public sealed record CustomerListQuery(
    string? Status = null,
    string? Tag = null,
    string? AssignedAgent = null,
    string? NamePrefix = null,
    CustomerListOrder Order = CustomerListOrder.RecentFirst,
    int Offset = 0,
    int Limit = 25);

public sealed record CustomerListPage(IReadOnlyList<CustomerListRow> Rows, int Total);
