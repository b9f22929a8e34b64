using Microsoft.Data.Sqlite;

namespace GiftBot.Storage.Sqlite;

/// <summary>
/// An open connection with a write transaction, holding the database's in-process writer lock until disposed.
/// Disposing without <see cref="CommitAsync"/> rolls back.
/// </summary>
public sealed class SqliteWriteScope : IAsyncDisposable
{
    private readonly SemaphoreSlim _writerLock;
    private bool _disposed;

    internal SqliteWriteScope(SqliteConnection connection, SqliteTransaction transaction, SemaphoreSlim writerLock)
    {
        Connection = connection;
        Transaction = transaction;
        _writerLock = writerLock;
    }

    public SqliteConnection Connection { get; }

    public SqliteTransaction Transaction { get; }

    public Task CommitAsync(CancellationToken cancellationToken = default) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await Transaction.DisposeAsync().ConfigureAwait(false);
            await Connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _writerLock.Release();
        }
    }
}
