using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

using GiftBot.Storage.Tests.Contracts;
using GiftBot.Testing.Postgres;

namespace GiftBot.Storage.Tests;

public abstract class StorageResilienceContract : IAsyncLifetime
{
    private StoreBackend _backend = null!;
    private IStorage _storage = null!;

    protected abstract StoreBackend CreateBackend();

    public async Task InitializeAsync()
    {
        _backend = CreateBackend();
        await _backend.InitializeAsync();
        _storage = _backend.CreateStorage();
    }

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [StoreFact]
    public async Task CorruptRow_SurfacesStorageReadExceptionForThatKey_AndOtherKeysStillRead()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["good"] = new JObject { ["n"] = 1 }, ["bad"] = new JObject { ["n"] = 2 } });
        await _backend.ExecuteSqlAsync("UPDATE state SET value = '{\"n\": 2, broken' WHERE key = 'bad';");

        var ex = await Assert.ThrowsAsync<StorageReadException>(() => _storage.ReadAsync(["good", "bad"]));

        Assert.Equal("bad", ex.Key);
        Assert.Equal(1, ((JObject)(await _storage.ReadAsync(["good"]))["good"])["n"]!.Value<int>());
        // The host's recovery path: delete the broken item, and the key works again.
        await _storage.DeleteAsync(["bad"]);
        Assert.Empty(await _storage.ReadAsync(["bad"]));
    }

    [StoreFact]
    public async Task ManyConcurrentWriters_LoseNoKeysAndNoUpdates()
    {
        const int writers = 8;
        const int writesEach = 10;

        // Distinct keys from many tasks at once, plus optimistic read-modify-write on one shared counter; every other
        // writer has its own store over the same database, as a second process or instance would.
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var storage = w % 2 == 0 ? _storage : _backend.CreateStorage();
            for (var i = 0; i < writesEach; i++)
            {
                await storage.WriteAsync(new Dictionary<string, object> { [$"writer/{w}/{i}"] = new JObject { ["w"] = w, ["i"] = i } });
                await IncrementWithRetryAsync(storage, "shared-counter");
            }
        }));
        await Task.WhenAll(tasks);

        var keys = Enumerable.Range(0, writers).SelectMany(w => Enumerable.Range(0, writesEach).Select(i => $"writer/{w}/{i}")).ToArray();
        Assert.Equal(keys.Length, (await _storage.ReadAsync(keys)).Count);
        var counter = (JObject)(await _storage.ReadAsync(["shared-counter"]))["shared-counter"];
        Assert.Equal(writers * writesEach, counter["count"]!.Value<int>());
    }

    private static async Task IncrementWithRetryAsync(IStorage storage, string key)
    {
        while (true)
        {
            var read = await storage.ReadAsync([key]);
            var item = read.TryGetValue(key, out var value) ? (JObject)value : new JObject { ["count"] = 0, ["eTag"] = "new" };
            item["count"] = item["count"]!.Value<int>() + 1;
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { [key] = item });
                return;
            }
            catch (StorageConcurrencyException)
            {
                // Someone else won the race: read again and retry, exactly what the ETag is for.
            }
        }
    }
}

public sealed class SqliteStorageResilienceTests : StorageResilienceContract
{
    protected override StoreBackend CreateBackend() => new SqliteBackend();
}

[RequiresPostgres]
public sealed class PostgresStorageResilienceTests : StorageResilienceContract
{
    protected override StoreBackend CreateBackend() => new PostgresBackend();
}
