using Npgsql;

namespace GiftBot.Testing.Postgres;

/// <summary>
/// The PostgreSQL server the tests may use: GIFTBOT_TEST_POSTGRES, an Npgsql connection string for a login that may
/// create schemas and databases (.ci/run starts a throw-away server and sets it). Each test gets its own schema or
/// database, dropped afterwards, so tests never see each other's rows.
/// </summary>
public static class PostgresTestServer
{
    public const string EnvironmentVariable = "GIFTBOT_TEST_POSTGRES";

    public const string SkipReason =
        "PostgreSQL not configured: set " + EnvironmentVariable + " to an Npgsql connection string, or run `source .ci/postgres-server` (as .ci/run does) to start a throw-away server.";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    public static string RequiredConnectionString =>
        ConnectionString ?? throw new InvalidOperationException(SkipReason);

    /// <summary>A fresh, empty schema; the returned connection string puts it first on the search path.</summary>
    public static async Task<PostgresTestSchema> CreateSchemaAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(RequiredConnectionString, $"CREATE SCHEMA {name};");
        var builder = new NpgsqlConnectionStringBuilder(RequiredConnectionString) { SearchPath = name };
        return new PostgresTestSchema(name, builder.ConnectionString);
    }

    /// <summary>A fresh, empty database (for tests that run whole hosts, which may open many connections).</summary>
    public static async Task<PostgresTestDatabase> CreateDatabaseAsync()
    {
        var name = "giftbot_test_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(RequiredConnectionString, $"CREATE DATABASE {name};");
        var builder = new NpgsqlConnectionStringBuilder(RequiredConnectionString) { Database = name };
        return new PostgresTestDatabase(name, builder.ConnectionString);
    }

    internal static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class PostgresTestSchema(string name, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await PostgresTestServer.ExecuteAsync(PostgresTestServer.RequiredConnectionString, $"DROP SCHEMA IF EXISTS {Name} CASCADE;");
    }
}

public sealed class PostgresTestDatabase(string name, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await PostgresTestServer.ExecuteAsync(PostgresTestServer.RequiredConnectionString, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE);");
    }
}
