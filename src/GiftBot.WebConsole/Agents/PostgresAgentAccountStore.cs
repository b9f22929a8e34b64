using GiftBot.Storage.Postgres;
using Npgsql;

namespace GiftBot.WebConsole.Agents;

/// <summary>Agent accounts in the shared PostgreSQL database, so a sign-in and its lockout count hold on every instance.</summary>
public sealed class PostgresAgentAccountStore(PostgresDatabase database) : IAgentAccountStore
{
    private const string Columns = "name, display_name, password_hash, failed_count, locked_until, created_at";

    public async Task<AgentAccount?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM console_agents WHERE lower(name) = lower(@name);", null, ("name", name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<bool> AddAsync(AgentAccount account, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var added = await connection.ExecuteAsync(
            "INSERT INTO console_agents (name, display_name, password_hash, failed_count, locked_until, created_at) VALUES (@name, @display, @hash, 0, NULL, @at) ON CONFLICT ((lower(name))) DO NOTHING;",
            cancellationToken, null, ("name", account.Name), ("display", account.DisplayName), ("hash", account.PasswordHash), ("at", account.CreatedAt.ToUnixTimeMilliseconds())).ConfigureAwait(false);
        return added == 1;
    }

    public async Task<bool> SetPasswordHashAsync(string name, string passwordHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var changed = await connection.ExecuteAsync(
            "UPDATE console_agents SET password_hash = @hash, failed_count = 0, locked_until = NULL WHERE lower(name) = lower(@name);",
            cancellationToken, null, ("name", name), ("hash", passwordHash)).ConfigureAwait(false);
        return changed == 1;
    }

    public async Task RecordFailureAsync(string name, int maxFailures, DateTimeOffset lockedUntil, CancellationToken cancellationToken)
    {
        // One statement: the row lock makes concurrent wrong passwords (from any instance) count one by one. The count
        // restarts after a lockout, so the next run of failures locks the account again.
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(
            """
            UPDATE console_agents SET
                locked_until = CASE WHEN failed_count + 1 >= @max THEN @until ELSE locked_until END,
                failed_count = CASE WHEN failed_count + 1 >= @max THEN 0 ELSE failed_count + 1 END
            WHERE lower(name) = lower(@name);
            """,
            cancellationToken, null, ("name", name), ("max", maxFailures), ("until", lockedUntil.ToUnixTimeMilliseconds())).ConfigureAwait(false);
    }

    public async Task ResetFailuresAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync("UPDATE console_agents SET failed_count = 0, locked_until = NULL WHERE lower(name) = lower(@name);",
            cancellationToken, null, ("name", name)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AgentAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM console_agents ORDER BY lower(name);");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var accounts = new List<AgentAccount>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) accounts.Add(Read(reader));
        return accounts;
    }

    private static AgentAccount Read(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
        reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));
}
