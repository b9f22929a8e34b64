using GiftBot.Storage.Sqlite;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;

namespace GiftBot.Storage.Tests;

public sealed class SqliteStorageResilienceTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly SqliteStorage _storage;

    public SqliteStorageResilienceTests() => _storage = new SqliteStorage(_db.Open());

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task CorruptRow_SurfacesStorageReadExceptionForThatKey_AndOtherKeysStillRead()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["good"] = new JObject { ["n"] = 1 }, ["bad"] = new JObject { ["n"] = 2 } });
        await using (var connection = new SqliteConnection(_db.Open().ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE state SET value = '{\"n\": 2, broken' WHERE key = 'bad';";
            await command.ExecuteNonQueryAsync();
        }

        var ex = await Assert.ThrowsAsync<StorageReadException>(() => _storage.ReadAsync(["good", "bad"]));

        Assert.Equal("bad", ex.Key);
        Assert.Equal(1, ((JObject)(await _storage.ReadAsync(["good"]))["good"])["n"]!.Value<int>());
        // The host's recovery path: delete the broken item, and the key works again.
        await _storage.DeleteAsync(["bad"]);
        Assert.Empty(await _storage.ReadAsync(["bad"]));
    }

    [Fact]
    public async Task ManyConcurrentWriters_LoseNoKeysAndNoUpdates()
    {
        const int writers = 8;
        const int writesEach = 10;

        // Distinct keys from many tasks at once, plus optimistic read-modify-write on one shared counter.
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < writesEach; i++)
            {
                await _storage.WriteAsync(new Dictionary<string, object> { [$"writer/{w}/{i}"] = new JObject { ["w"] = w, ["i"] = i } });
                await IncrementWithRetryAsync("shared-counter");
            }
        }));
        await Task.WhenAll(tasks);

        var keys = Enumerable.Range(0, writers).SelectMany(w => Enumerable.Range(0, writesEach).Select(i => $"writer/{w}/{i}")).ToArray();
        Assert.Equal(keys.Length, (await _storage.ReadAsync(keys)).Count);
        var counter = (JObject)(await _storage.ReadAsync(["shared-counter"]))["shared-counter"];
        Assert.Equal(writers * writesEach, counter["count"]!.Value<int>());
    }

    private async Task IncrementWithRetryAsync(string key)
    {
        while (true)
        {
            var read = await _storage.ReadAsync([key]);
            var item = read.TryGetValue(key, out var value) ? (JObject)value : new JObject { ["count"] = 0, ["eTag"] = "new" };
            item["count"] = item["count"]!.Value<int>() + 1;
            try
            {
                await _storage.WriteAsync(new Dictionary<string, object> { [key] = item });
                return;
            }
            catch (StorageConcurrencyException)
            {
                // Someone else won the race: read again and retry, exactly what the ETag is for.
            }
        }
    }
}
