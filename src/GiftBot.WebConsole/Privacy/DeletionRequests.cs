using GiftBot.WebConsole.Storage;

namespace GiftBot.WebConsole.Privacy;

public sealed record DeletionRequest(string Code, string UserId, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt);

/// <summary>Meta's data deletion requests and their confirmation codes (the status page reads them).</summary>
public interface IDeletionRequestStore
{
    Task AddAsync(DeletionRequest request, CancellationToken cancellationToken);

    Task<DeletionRequest?> FindAsync(string code, CancellationToken cancellationToken);
}

public sealed class SqliteDeletionRequestStore(ConsoleSqlite sqlite) : IDeletionRequestStore
{
    public async Task AddAsync(DeletionRequest request, CancellationToken cancellationToken)
    {
        await using var write = await sqlite.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await write.ExecuteAsync("INSERT INTO console_deletions (code, user_id, requested_at, completed_at) VALUES ($code, $user, $at, $done);", cancellationToken,
            ("$code", request.Code), ("$user", request.UserId), ("$at", request.RequestedAt.ToUnixTimeMilliseconds()), ("$done", request.CompletedAt?.ToUnixTimeMilliseconds())).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<DeletionRequest?> FindAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await sqlite.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT code, user_id, requested_at, completed_at FROM console_deletions WHERE code = $code;", null, ("$code", code));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new DeletionRequest(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
            reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
    }
}
