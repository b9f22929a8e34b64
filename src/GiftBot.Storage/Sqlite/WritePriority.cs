namespace GiftBot.Storage.Sqlite;

/// <summary>Which lane of the group-commit writer a write waits in (see <see cref="SqliteGroupCommitWriter"/>).</summary>
public enum WritePriority
{
    /// <summary>Turns and everything else, committed together in arrival order.</summary>
    Normal,

    /// <summary>
    /// A write someone outside is waiting on before they get an answer (Meta waits for the webhook's 200): committed ahead
    /// of the queue, in a batch of its own.
    /// </summary>
    Acknowledgement,
}
