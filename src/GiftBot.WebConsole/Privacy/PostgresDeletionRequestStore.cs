using GiftBot.Storage.Postgres;

namespace GiftBot.WebConsole.Privacy;

/// <summary>Deletion requests in the shared PostgreSQL database: Meta's status link works whichever instance answers it.</summary>
public sealed class PostgresDeletionRequestStore(PostgresDatabase database) : IDeletionRequestStore
{
    public async Task AddAsync(DeletionRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync("INSERT INTO console_deletions (code, user_id, requested_at, completed_at) VALUES (@code, @user, @at, @done);", cancellationToken, null,
            ("code", request.Code), ("user", request.UserId), ("at", request.RequestedAt.ToUnixTimeMilliseconds()), ("done", request.CompletedAt?.ToUnixTimeMilliseconds())).ConfigureAwait(false);
    }

    public async Task<DeletionRequest?> FindAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT code, user_id, requested_at, completed_at FROM console_deletions WHERE code = @code;", null, ("code", code));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new DeletionRequest(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
            reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
    }
}
