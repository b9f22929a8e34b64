namespace GiftBot.Storage;

/// <summary>
/// Everything one unit of work (a turn, an inbox item) changes, as plain data: what a provider's
/// <see cref="IUnitOfWorkCommitter"/> writes in one transaction. Built by <see cref="UnitOfWork"/>; values are already JSON.
/// </summary>
public sealed class UnitOfWorkChanges
{
    public List<StateChange> State { get; } = [];

    public List<FunnelEvent> FunnelEvents { get; } = [];

    /// <summary>Scheduled jobs to create/replace or (with <see cref="JobChange.IsCancel"/>) remove, in order.</summary>
    public List<JobChange> Jobs { get; } = [];

    /// <summary>Durable-inbox items handled by this unit: removed on commit (their dedup keys stay).</summary>
    public List<long> CompletedInboxItems { get; } = [];

    /// <summary>Reply-outbox scopes (<see cref="IReplyOutbox"/>) to forget: the item they guarded is complete.</summary>
    public List<string> ClearedReplyOutboxes { get; } = [];

    /// <summary>Rows of the agents' list to insert or replace (<see cref="ICustomerListStore"/>).</summary>
    public List<CustomerListRow> CustomerRows { get; } = [];

    public bool IsEmpty => State.Count == 0 && FunnelEvents.Count == 0 && Jobs.Count == 0 && CompletedInboxItems.Count == 0
        && ClearedReplyOutboxes.Count == 0 && CustomerRows.Count == 0;
}

/// <summary>
/// One keyed state value to write (<see cref="Json"/>) or delete (null). <see cref="ExpectedETag"/> null or "*" overwrites;
/// otherwise the stored item (if any) must carry it, or the whole unit fails with <see cref="StorageConcurrencyException"/>.
/// </summary>
public sealed class StateChange(string key, string? json, string? expectedETag)
{
    public string Key { get; } = key;

    public string? Json { get; } = json;

    public string? ExpectedETag { get; } = expectedETag;

    /// <summary>The ETag the value has once committed: proposed by the unit of work; a provider that makes its own sets it.</summary>
    public string NewETag { get; set; } = Guid.NewGuid().ToString("N");

    public bool IsDelete => Json is null;
}

/// <param name="Kind">Null cancels the job.</param>
public sealed record JobChange(string JobKey, string? Kind, string? Payload, DateTimeOffset DueAt)
{
    public bool IsCancel => Kind is null;
}
