using GiftBot.Storage.Sqlite;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GiftBot.Storage.Tests;

public sealed class AddSqliteStorageTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static IHost BuildHost(Dictionary<string, string?> settings, string? contentRoot = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = contentRoot });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSqliteStorage(builder.Configuration);
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
    [InlineData("Storage:DatabasePath", "  ", "Storage:DatabasePath")]
    [InlineData("Storage:DatabasePath", ":memory:", "Storage:DatabasePath")]
    [InlineData("Storage:BusyTimeoutMilliseconds", "0", "Storage:BusyTimeoutMilliseconds")]
    public async Task HostStart_FailsFast_NamingTheBadKey(string key, string value, string expectedKeyInMessage)
    {
        using var host = BuildHost(new() { ["Storage:DatabasePath"] = _db.DatabasePath, [key] = value });

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
}
