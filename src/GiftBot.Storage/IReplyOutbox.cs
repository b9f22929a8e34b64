namespace GiftBot.Storage;

/// <summary>
/// What was already sent for a unit of work that may run again (a Messenger event retried or replayed after a crash):
/// every reply part is recorded the moment the channel accepted it, so a second run skips it. A scope's records are removed
/// in the unit of work that completes its item (<see cref="UnitOfWork.ClearReplyOutbox"/>).
/// </summary>
public interface IReplyOutbox
{
    /// <summary>Sequence numbers already sent in <paramref name="scope"/> (e.g. an inbox item's dedup key).</summary>
    Task<IReadOnlySet<int>> ListSentAsync(string scope, CancellationToken cancellationToken);

    /// <summary>Durably records part <paramref name="sequence"/> of <paramref name="scope"/> as sent (a no-op when already recorded).</summary>
    Task RecordSentAsync(string scope, int sequence, string? messageId, CancellationToken cancellationToken);
}
