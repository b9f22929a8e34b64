using GiftBot.Storage.Sqlite;

namespace GiftBot.Storage;

/// <summary>
/// Everything one turn (or one Messenger inbox item) changes, collected in memory and committed once at its end by the
/// provider's <see cref="IUnitOfWorkCommitter"/>: keyed state writes with the ETags they expect, deletes, funnel events,
/// scheduled jobs, the inbox item's completion, reply-outbox clean-up and the agents' list rows. It is ambient
/// (<see cref="Current"/>) for the code the turn calls, and serves reads of a key once per turn.
/// </summary>
public sealed class UnitOfWork
{
    private const int MaxRebaseAttempts = 5;
    private static readonly AsyncLocal<UnitOfWork?> Ambient = new();

    private readonly object _gate = new();
    private readonly IUnitOfWorkCommitter _committer;
    private readonly Dictionary<string, object?> _reads = new(StringComparer.Ordinal);
    private readonly HashSet<string> _readAhead = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> _tracked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingWrite> _writes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<CancellationToken, Task>?> _rebasing = new(StringComparer.Ordinal);
    private readonly List<FunnelEvent> _funnelEvents = [];
    private readonly List<JobChange> _jobs = [];
    private readonly List<long> _completedInboxItems = [];
    private readonly List<string> _clearedReplyOutboxes = [];
    private readonly Dictionary<(string, string), CustomerListRow> _customerRows = [];
    private readonly List<Task> _alongside = [];
    private bool _open = true;
    // While the provider commits, code it calls (or a rebase) must not join this unit: writes then go straight to the stores.
    private volatile bool _committing;

    private UnitOfWork(IUnitOfWorkCommitter committer) => _committer = committer;

    /// <summary>The unit of work of the turn running on this async flow, or null outside a turn (or after its commit).</summary>
    public static UnitOfWork? Current => Ambient.Value is { _open: true, _committing: false } unit ? unit : null;

    /// <summary>
    /// Starts a unit of work for the calling flow, or joins the one already running (then <see cref="UnitOfWorkScope.CommitAsync"/>
    /// is left to its owner: a Messenger inbox item's turns commit together with the item).
    /// </summary>
    public static UnitOfWorkScope Begin(IUnitOfWorkCommitter committer)
    {
        ArgumentNullException.ThrowIfNull(committer);
        if (Current is { } running)
        {
            return new UnitOfWorkScope(running, ownsUnit: false);
        }

        // Not async on purpose: the AsyncLocal assignment must stay visible to the caller.
        var unit = new UnitOfWork(committer);
        Ambient.Value = unit;
        return new UnitOfWorkScope(unit, ownsUnit: true);
    }

    /// <summary>Where reply parts of this unit are recorded as sent (Messenger inbox items); null when nothing guards replies.</summary>
    public ReplyOutboxScope? Replies { get; set; }

    /// <summary>A value read earlier in this unit (null: known to be missing), or a value written in it.</summary>
    public bool TryGetRead(string key, out object? value)
    {
        lock (_gate)
        {
            if (_writes.TryGetValue(key, out var pending))
            {
                value = pending.Value;
                return true;
            }

            return _reads.TryGetValue(key, out value);
        }
    }

    /// <summary>
    /// Keys the turn is about to read: the next read this unit sends to the store fetches them too (<see cref="TakeReadAhead"/>),
    /// so a turn reads its state and card in one statement.
    /// </summary>
    public void ReadAhead(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (!_reads.ContainsKey(key) && !_writes.ContainsKey(key))
                {
                    _readAhead.Add(key);
                }
            }
        }
    }

    /// <summary>The keys named by <see cref="ReadAhead"/> that this unit has not read or written yet, handed out once.</summary>
    public IReadOnlyCollection<string> TakeReadAhead()
    {
        lock (_gate)
        {
            if (_readAhead.Count == 0)
            {
                return [];
            }

            var keys = _readAhead.Where(key => !_reads.ContainsKey(key) && !_writes.ContainsKey(key)).ToList();
            _readAhead.Clear();
            return keys;
        }
    }

    public void RememberRead(string key, object? value)
    {
        lock (_gate)
        {
            _reads[key] = value;
        }
    }

    /// <summary>
    /// Forgets what was read and written for <paramref name="key"/> so the next read goes to the store: a rebase after a conflict
    /// calls it, reads the fresh value and writes the re-applied change.
    /// </summary>
    public void ForgetRead(string key)
    {
        lock (_gate)
        {
            _reads.Remove(key);
            if (_writes.Remove(key, out var dropped))
            {
                _rebasing[key] = dropped.Rebase;
            }
        }
    }

    /// <summary>A typed object this unit keeps for <paramref name="key"/> (e.g. a customer card), so every reader in the turn gets the same instance.</summary>
    public T? Tracked<T>(string key)
        where T : class
    {
        lock (_gate)
        {
            return _tracked.TryGetValue(key, out var value) ? value as T : null;
        }
    }

    public void Track(string key, object value)
    {
        lock (_gate)
        {
            _tracked[key] = value;
        }
    }

    /// <summary>
    /// Writes <paramref name="value"/> at commit (serialised then, so later in-place changes are included; a value equal to the
    /// stored text this unit read, under the same ETag, is left out). The ETag the value
    /// carries is the one expected in the store. On a conflict, <paramref name="rebase"/> (when given) reads the key again and
    /// writes the re-applied change, and the unit is committed again; without it the conflict is the turn's error.
    /// </summary>
    public void Write(string key, object value, Func<CancellationToken, Task>? rebase = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (_writes.TryGetValue(key, out var pending))
            {
                pending.Value = value;
                pending.Rebase = rebase ?? pending.Rebase;
                pending.Holders.Add(value);
            }
            else
            {
                _rebasing.Remove(key, out var previousRebase);
                _writes[key] = new PendingWrite(value, rebase ?? previousRebase);
            }
        }
    }

    public void Delete(string key)
    {
        lock (_gate)
        {
            _writes[key] = new PendingWrite(null, null);
        }
    }

    public void RecordFunnelEvent(FunnelEvent funnelEvent)
    {
        lock (_gate)
        {
            _funnelEvents.Add(funnelEvent);
        }
    }

    public void ScheduleJob(string jobKey, string kind, string payload, DateTimeOffset dueAt)
    {
        lock (_gate)
        {
            _jobs.Add(new JobChange(jobKey, kind, payload, dueAt));
        }
    }

    public void CancelJob(string jobKey)
    {
        lock (_gate)
        {
            _jobs.Add(new JobChange(jobKey, null, null, default));
        }
    }

    /// <summary>The last change this unit makes to <paramref name="jobKey"/>, if any.</summary>
    public JobChange? PendingJob(string jobKey)
    {
        lock (_gate)
        {
            return _jobs.LastOrDefault(job => job.JobKey == jobKey);
        }
    }

    public void CompleteInboxItem(long id)
    {
        lock (_gate)
        {
            _completedInboxItems.Add(id);
        }
    }

    public void ClearReplyOutbox(string scope)
    {
        lock (_gate)
        {
            _clearedReplyOutboxes.Add(scope);
        }
    }

    public void UpsertCustomerRow(CustomerListRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        lock (_gate)
        {
            _customerRows[(row.ChannelId, row.UserId)] = row;
        }
    }

    /// <summary>
    /// A write of the turn's own that is not part of the unit (the console transcript, which never fails a turn) but that the
    /// turn finishes with: started just before the unit's commit, so the group commit can take both in one batch, one wait
    /// for the shopper instead of two in a row. The unit's owner awaits it after committing (or when the turn failed).
    /// </summary>
    public void FinishWith(Task write)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (_gate)
        {
            _alongside.Add(write);
        }
    }

    internal Task AlongsideAsync()
    {
        Task[] writes;
        lock (_gate)
        {
            writes = [.. _alongside];
            _alongside.Clear();
        }

        return writes.Length == 0 ? Task.CompletedTask : Task.WhenAll(writes);
    }

    /// <summary>
    /// Forgets everything this unit collected (a turn that failed must not store its half-done changes); it stays open, so
    /// what the error handling writes next (a dialog reset) is still committed with it.
    /// </summary>
    public void Discard()
    {
        lock (_gate)
        {
            _reads.Clear();
            _readAhead.Clear();
            _tracked.Clear();
            _writes.Clear();
            _rebasing.Clear();
            _funnelEvents.Clear();
            _jobs.Clear();
            _customerRows.Clear();
        }
    }

    internal async Task CommitAsync(CancellationToken cancellationToken)
    {
        _committing = true;
        for (var attempt = 1; ; attempt++)
        {
            var (changes, written) = Build();
            if (changes.IsEmpty)
            {
                break;
            }

            try
            {
                await _committer.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageConcurrencyException conflict) when (attempt < MaxRebaseAttempts && RebaseFor(conflict.Key) is { } rebase)
            {
                await rebase(cancellationToken).ConfigureAwait(false);
                continue;
            }

            // As Bot Builder storages do: the caller's objects carry the new ETag, so a later write does not conflict with itself.
            foreach (var (pending, change) in written)
            {
                pending.Holders.ForEach(holder => StoredJson.AssignETag(holder, change.NewETag));
            }

            break;
        }

        Close();
    }

    internal void Close()
    {
        lock (_gate)
        {
            _open = false;
        }

        if (Ambient.Value == this)
        {
            Ambient.Value = null;
        }
    }

    private Func<CancellationToken, Task>? RebaseFor(string key)
    {
        lock (_gate)
        {
            return _writes.TryGetValue(key, out var pending) ? pending.Rebase : null;
        }
    }

    private (UnitOfWorkChanges Changes, List<(PendingWrite, StateChange)> Written) Build()
    {
        lock (_gate)
        {
            var changes = new UnitOfWorkChanges();
            var written = new List<(PendingWrite, StateChange)>(_writes.Count);
            foreach (var (key, pending) in _writes)
            {
                StateChange change;
                if (pending.Value is null)
                {
                    change = new StateChange(key, null, null);
                }
                else
                {
                    var json = StoredJson.Serialize(pending.Value);
                    var expectedETag = StoredJson.ExpectedETag(pending.Value);
                    // Saved but unchanged (BotState saves every turn): the store already holds exactly this under this ETag.
                    if (_reads.TryGetValue(key, out var read) && read is StoredText stored && stored.ETag == expectedETag && stored.Json == json)
                    {
                        continue;
                    }

                    change = new StateChange(key, json, expectedETag);
                }

                changes.State.Add(change);
                written.Add((pending, change));
            }

            changes.FunnelEvents.AddRange(_funnelEvents);
            changes.Jobs.AddRange(_jobs);
            changes.CompletedInboxItems.AddRange(_completedInboxItems);
            changes.ClearedReplyOutboxes.AddRange(_clearedReplyOutboxes);
            changes.CustomerRows.AddRange(_customerRows.Values);
            return (changes, written);
        }
    }

    private sealed class PendingWrite(object? value, Func<CancellationToken, Task>? rebase)
    {
        public object? Value { get; set; } = value;

        public Func<CancellationToken, Task>? Rebase { get; set; } = rebase;

        public List<object> Holders { get; } = value is null ? [] : [value];
    }
}

/// <summary>A started or joined <see cref="UnitOfWork"/>. Disposing without committing discards the unit's changes (the turn failed).</summary>
public sealed class UnitOfWorkScope : IAsyncDisposable
{
    internal UnitOfWorkScope(UnitOfWork unit, bool ownsUnit) => (Unit, OwnsUnit) = (unit, ownsUnit);

    public UnitOfWork Unit { get; }

    /// <summary>False when this scope joined a unit someone else started and will commit.</summary>
    public bool OwnsUnit { get; }

    /// <summary>Commits the unit (its owner only), then waits for the writes the turn started beside it (<see cref="UnitOfWork.FinishWith"/>).</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (!OwnsUnit)
        {
            return;
        }

        try
        {
            await Unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await Unit.AlongsideAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (OwnsUnit)
        {
            Unit.Close();
            // A failed turn's transcript is still written; the turn does not end before it is.
            await Unit.AlongsideAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>The reply parts of one replayable unit (a Messenger event): numbered in sending order, those already sent are skipped.</summary>
public sealed class ReplyOutboxScope(string scope, IReadOnlySet<int> alreadySent)
{
    private int _next;

    public string Scope { get; } = scope;

    /// <summary>The next part's number (0, 1, 2 ... in the order the turn sends them).</summary>
    public int Next() => Interlocked.Increment(ref _next) - 1;

    public bool WasSent(int sequence) => alreadySent.Contains(sequence);
}
