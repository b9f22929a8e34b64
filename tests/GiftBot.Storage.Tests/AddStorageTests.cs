using GiftBot.Storage.Postgres;
using GiftBot.Storage.Sqlite;
using GiftBot.Testing.Postgres;
using Npgsql;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GiftBot.Storage.Tests;

public sealed class AddStorageTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static IHost BuildHost(Dictionary<string, string?> settings, string? contentRoot = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = contentRoot });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddStorage(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task HostStart_CreatesTheDatabaseAndItsFolder_AndEveryStoreShareIt()
    {
        using var host = BuildHost(new() { ["Storage:DatabasePath"] = _db.DatabasePath });

        await host.StartAsync();
        Assert.True(File.Exists(_db.DatabasePath));

        var services = host.Services;
        Assert.IsType<UnitOfWorkStorage>(services.GetRequiredService<IStorage>());
        Assert.IsType<SqliteUnitOfWorkCommitter>(services.GetRequiredService<IUnitOfWorkCommitter>());
        Assert.Same(services.GetRequiredService<IDurableInbox>(), services.GetRequiredService<IDurableInbox>());
        await services.GetRequiredService<IFunnelEventStore>().RecordAsync(new FunnelEvent { Kind = FunnelEventKinds.ConversationStarted, ChannelId = "emulator", ConversationId = "c" });
        await services.GetRequiredService<IScheduledJobStore>().ScheduleAsync("k", "kind", "{}", DateTimeOffset.UtcNow);
        Assert.True(await services.GetRequiredService<IDurableInbox>().EnqueueAsync("p", "d", "{}", DateTimeOffset.UtcNow));
        await host.StopAsync();
    }

    [Fact]
    public async Task RelativeDatabasePath_IsResolvedAgainstTheContentRoot()
    {
        Directory.CreateDirectory(_db.Folder);
        using var host = BuildHost(new() { ["Storage:DatabasePath"] = "data/bot.db" }, _db.Folder);

        await host.StartAsync();

        Assert.True(File.Exists(Path.Combine(_db.Folder, "data", "bot.db")));
        await host.StopAsync();
        SqliteConnection.ClearAllPools();
    }

    [Theory]
    [InlineData("Storage:Provider", "Postgres", "ConnectionStrings:GiftBot")]
    [InlineData("ConnectionStrings:GiftBot", "Host=db;Nonsense=1", "ConnectionStrings:GiftBot")]
    [InlineData("Storage:DatabasePath", "  ", "Storage:DatabasePath")]
    [InlineData("Storage:DatabasePath", ":memory:", "Storage:DatabasePath")]
    [InlineData("Storage:BusyTimeoutMilliseconds", "0", "Storage:BusyTimeoutMilliseconds")]
    public async Task HostStart_FailsFast_NamingTheBadKey(string key, string value, string expectedKeyInMessage)
    {
        var settings = new Dictionary<string, string?> { ["Storage:DatabasePath"] = _db.DatabasePath, [key] = value };
        if (key.StartsWith("ConnectionStrings", StringComparison.Ordinal)) settings["Storage:Provider"] = "Postgres";
        using var host = BuildHost(settings);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expectedKeyInMessage, ex.Message);
    }

    [Fact]
    public async Task SchemaCreation_IsIdempotent_AndRecordsItsVersion()
    {
        await _db.Open().EnsureCreatedAsync();
        await _db.Open().EnsureCreatedAsync();

        await using var connection = new SqliteConnection(_db.Open().ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(version) FROM schema_version; ";
        Assert.Equal(string.Join(",", Enumerable.Range(1, SchemaMigrations.LatestVersion)), await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task ADatabaseFromANewerBuild_IsRefusedWithAClearMessage()
    {
        await _db.Open().EnsureCreatedAsync();
        await using (var connection = new SqliteConnection(_db.Open().ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES (999, 0);";
            await command.ExecuteNonQueryAsync();
        }

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Open().EnsureCreatedAsync());

        Assert.Contains("999", ex.Message);
        Assert.Contains("Storage:DatabasePath", ex.Message);
    }

    [Fact]
    public async Task UnknownProvider_FailsStartUp_NamingTheKey()
    {
        using var host = BuildHost(new() { ["Storage:DatabasePath"] = _db.DatabasePath, ["Storage:Provider"] = "Oracle" });

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains("Storage:Provider", ex.Message);
    }
}

[RequiresPostgres]
public sealed class AddPostgresStorageTests
{
    private static IHost BuildHost(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:GiftBot"] = connectionString,
        });
        builder.Services.AddStorage(builder.Configuration);
        return builder.Build();
    }

    [StoreFact]
    public async Task PostgresProvider_GivesEveryStoreOverTheSharedDatabase_WithAPasswordLoginOverTcp()
    {
        await using var schema = await PostgresTestServer.CreateSchemaAsync();
        using var host = BuildHost(schema.ConnectionString);

        await host.StartAsync();

        var services = host.Services;
        Assert.IsType<PostgresDurableInbox>(services.GetRequiredService<IDurableInbox>());
        Assert.IsType<PostgresUnitOfWorkCommitter>(services.GetRequiredService<IUnitOfWorkCommitter>());
        Assert.IsType<PostgresReplyOutbox>(services.GetRequiredService<IReplyOutbox>());
        Assert.IsType<PostgresCustomerListStore>(services.GetRequiredService<ICustomerListStore>());
        Assert.IsType<PostgresStoreRetention>(services.GetRequiredService<IStoreRetention>());
        await services.GetRequiredService<IStorage>().WriteAsync(new Dictionary<string, object> { ["k"] = new Newtonsoft.Json.Linq.JObject { ["v"] = 1 } });
        Assert.Single(await services.GetRequiredService<PostgresStorage>().ReadAsync(["k"]));
        Assert.True(await services.GetRequiredService<IDurableInbox>().EnqueueAsync("p", "d", "{}", DateTimeOffset.UtcNow));
        await host.StopAsync();
    }

    [StoreFact]
    public async Task InstancesStartingTogether_ApplyTheSchemaOnce()
    {
        await using var schema = await PostgresTestServer.CreateSchemaAsync();
        var instances = Enumerable.Range(0, 6).Select(_ => new PostgresDatabase(schema.ConnectionString)).ToList();

        await Task.WhenAll(instances.Select(i => Task.Run(() => i.EnsureCreatedAsync())));

        await using var connection = new NpgsqlConnection(schema.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_version;", connection);
        Assert.Equal(string.Join(",", Enumerable.Range(1, PostgresSchemaMigrations.LatestVersion)), await command.ExecuteScalarAsync());
        foreach (var instance in instances) await instance.DisposeAsync();
    }

    [StoreFact]
    public async Task ADatabaseFromANewerBuild_IsRefusedWithAClearMessage()
    {
        await using var schema = await PostgresTestServer.CreateSchemaAsync();
        await using (var database = new PostgresDatabase(schema.ConnectionString)) await database.EnsureCreatedAsync();
        await using (var connection = new NpgsqlConnection(schema.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("INSERT INTO schema_version (version, applied_at) VALUES (999, 0);", connection);
            await command.ExecuteNonQueryAsync();
        }

        await using var newer = new PostgresDatabase(schema.ConnectionString);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.EnsureCreatedAsync());

        Assert.Contains("999", ex.Message);
        Assert.Contains("ConnectionStrings:GiftBot", ex.Message);
    }
}
