namespace GiftBot.Storage;

/// <summary>
/// The one provider-specific part of the unit of work: writes one unit's changes atomically. Providers may group the units
/// of concurrent turns into one transaction (SQLite does: one fsync per batch), but each unit succeeds or fails on its own.
/// </summary>
public interface IUnitOfWorkCommitter
{
    /// <summary>
    /// Commits all of <paramref name="changes"/> durably, or nothing: throws <see cref="StorageConcurrencyException"/> naming the key
    /// whose <see cref="StateChange.ExpectedETag"/> no longer matches. On success every <see cref="StateChange.NewETag"/> is the stored ETag.
    /// </summary>
    Task CommitAsync(UnitOfWorkChanges changes, CancellationToken cancellationToken);
}
