using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

using GiftBot.Storage.Tests.Contracts;
using GiftBot.Testing.Postgres;

namespace GiftBot.Storage.Tests;

public abstract class StorageContract : IAsyncLifetime
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

    private sealed class Basket : IStoreItem
    {
        public List<string> ProductIds { get; set; } = [];
        public DateTimeOffset UpdatedAt { get; set; }
        public string? ETag { get; set; }
    }

    [StoreFact]
    public async Task NewItemWithNullETag_IsCreated_AndReceivesAnETag()
    {
        var basket = new Basket { ProductIds = ["10280"] };
        await _storage.WriteAsync(new Dictionary<string, object> { ["b1"] = basket });

        Assert.False(string.IsNullOrEmpty(basket.ETag));
        var read = (JObject)(await _storage.ReadAsync(["b1"]))["b1"];
        Assert.Equal(basket.ETag, read["eTag"]!.Value<string>());
        Assert.Equal(["10280"], read.ToObject<Basket>()!.ProductIds);
    }

    [StoreFact]
    public async Task StaleETagWrite_FailsWithConcurrencyException_NamingTheKeyButNotTheValue()
    {
        var first = new Basket { ProductIds = ["secret-product"] };
        await _storage.WriteAsync(new Dictionary<string, object> { ["user/42/basket"] = first });
        var staleCopy = ((JObject)(await _storage.ReadAsync(["user/42/basket"]))["user/42/basket"]).ToObject<Basket>()!;
        first.ProductIds.Add("second");
        await _storage.WriteAsync(new Dictionary<string, object> { ["user/42/basket"] = first });

        staleCopy.ProductIds.Add("stale");
        var ex = await Assert.ThrowsAsync<StorageConcurrencyException>(() => _storage.WriteAsync(new Dictionary<string, object> { ["user/42/basket"] = staleCopy }));

        Assert.Equal("user/42/basket", ex.Key);
        Assert.Contains("user/42/basket", ex.Message);
        Assert.DoesNotContain("secret-product", ex.Message);
        var stored = ((JObject)(await _storage.ReadAsync(["user/42/basket"]))["user/42/basket"]).ToObject<Basket>()!;
        Assert.Equal(["secret-product", "second"], stored.ProductIds);
    }

    [StoreFact]
    public async Task StarETag_OverwritesWhateverIsStored()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Basket { ProductIds = ["a"] } });
        await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Basket { ProductIds = ["b"], ETag = "*" } });

        var stored = ((JObject)(await _storage.ReadAsync(["k"]))["k"]).ToObject<Basket>()!;
        Assert.Equal(["b"], stored.ProductIds);
    }

    [StoreFact]
    public async Task JObjectCarryingStaleETag_IsRejected_AndFreshETagIsAccepted()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["n"] = 1 } });
        var fresh = (JObject)(await _storage.ReadAsync(["k"]))["k"];
        var stale = (JObject)fresh.DeepClone();

        fresh["n"] = 2;
        await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = fresh });
        stale["n"] = 3;

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => _storage.WriteAsync(new Dictionary<string, object> { ["k"] = stale }));
        fresh["n"] = 4;
        await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = fresh });
        Assert.Equal(4, ((JObject)(await _storage.ReadAsync(["k"]))["k"])["n"]!.Value<int>());
    }

    [StoreFact]
    public async Task MultiKeyWrite_IsAllOrNothing_WhenOneKeyConflicts()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Basket { ProductIds = ["old-a"] } });

        var changes = new Dictionary<string, object>
        {
            ["b"] = new Basket { ProductIds = ["new-b"] },
            ["a"] = new Basket { ProductIds = ["new-a"], ETag = "not-the-current-etag" },
        };
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => _storage.WriteAsync(changes));

        var read = await _storage.ReadAsync(["a", "b"]);
        Assert.False(read.ContainsKey("b"));
        Assert.Equal(["old-a"], ((JObject)read["a"]).ToObject<Basket>()!.ProductIds);
        Assert.Null(((Basket)changes["b"]).ETag);
    }

    [StoreFact]
    public async Task KeysWithAnyCharacters_RoundTripExactly()
    {
        string[] keys = ["facebook/conversations/1234567890", "it's \"quoted\" ; DROP TABLE state; --", "ünïcødé 🎁 key", "%_*?", " ", "a\0b"];
        await _storage.WriteAsync(keys.ToDictionary(k => k, object (k) => new JObject { ["key"] = k }));

        var read = await _storage.ReadAsync(keys.Append("missing").ToArray());

        Assert.Equal(keys.Length, read.Count);
        foreach (var key in keys)
        {
            Assert.Equal(key, ((JObject)read[key])["key"]!.Value<string>());
        }
    }

    private sealed class Card : IStoreItem
    {
        public string Name { get; set; } = "";
        public string? Nickname { get; set; }
        public DateTimeOffset? LastSeenAt { get; set; }
        public Dictionary<string, object?> Dialog { get; set; } = [];
        public string? ETag { get; set; }
    }

    [StoreFact]
    public async Task NullMembers_AreNotStored_AndReadBackAsNull_WhileADictionarysNullEntriesStay()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Card { Name = "Ann", Dialog = { ["options"] = null } } });

        var read = (JObject)(await _storage.ReadAsync(["k"]))["k"];

        Assert.Null(read.Property("Nickname"));
        Assert.Null(read.Property("LastSeenAt"));
        Assert.True(((JObject)read["Dialog"]!).ContainsKey("options"));
        var card = read.ToObject<Card>()!;
        Assert.Equal(("Ann", null, null), (card.Name, card.Nickname, card.LastSeenAt));
    }

    [StoreFact]
    public async Task ValuesStoredWithTheirNulls_ByEarlierVersions_ReadAsBefore_AndCanBeWrittenBack()
    {
        await _backend.ExecuteSqlAsync("""
            INSERT INTO state (key, value, etag, updated_at)
            VALUES ('old', '{"Name":"Ann","Nickname":null,"LastSeenAt":null,"Dialog":{"options":null}}', 'etag-1', 0);
            """);

        var read = (JObject)(await _storage.ReadAsync(["old"]))["old"];
        var card = read.ToObject<Card>()!;
        Assert.Equal(("Ann", null, null, "etag-1"), (card.Name, card.Nickname, card.LastSeenAt, card.ETag));
        Assert.True(card.Dialog.ContainsKey("options"));

        card.Nickname = "Annie";
        await _storage.WriteAsync(new Dictionary<string, object> { ["old"] = card });
        Assert.Equal("Annie", ((JObject)(await _storage.ReadAsync(["old"]))["old"]).ToObject<Card>()!.Nickname);
    }

    [StoreFact]
    public async Task Values_AreStoredAsPlainJson_WithoutTypeNames()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Basket { ProductIds = ["x"], UpdatedAt = new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.FromHours(-7)) } });

        var read = (JObject)(await _storage.ReadAsync(["k"]))["k"];

        Assert.DoesNotContain(read.Properties(), p => p.Name.StartsWith('$'));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.FromHours(-7)), read.ToObject<Basket>()!.UpdatedAt);
        Assert.Equal(TimeSpan.FromHours(-7), read.ToObject<Basket>()!.UpdatedAt.Offset);
    }

    [StoreFact]
    public async Task Delete_RemovesOnlyTheGivenKeys_AndAStaleETagMayRecreateADeletedItem()
    {
        var kept = new Basket();
        var deleted = new Basket();
        await _storage.WriteAsync(new Dictionary<string, object> { ["keep"] = kept, ["gone"] = deleted });

        await _storage.DeleteAsync(["gone", "never-existed"]);

        var read = await _storage.ReadAsync(["keep", "gone"]);
        Assert.Equal(["keep"], read.Keys);
        await _storage.WriteAsync(new Dictionary<string, object> { ["gone"] = deleted });
        Assert.True((await _storage.ReadAsync(["gone"])).ContainsKey("gone"));
    }

    [StoreFact]
    public async Task NewStorageOverTheSameFile_ReadsWhatTheOldOneWrote()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Basket { ProductIds = ["persisted"] } });

        var restarted = _backend.CreateStorage();
        var read = await restarted.ReadAsync(["k"]);

        Assert.Equal(["persisted"], ((JObject)read["k"]).ToObject<Basket>()!.ProductIds);
    }

    [StoreFact]
    public async Task NullValue_IsRejectedWithTheKeyNamed()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _storage.WriteAsync(new Dictionary<string, object> { ["empty"] = null! }));
        Assert.Contains("empty", ex.Message);
    }
}

public sealed class SqliteStorageTests : StorageContract
{
    protected override StoreBackend CreateBackend() => new SqliteBackend();
}

[RequiresPostgres]
public sealed class PostgresStorageTests : StorageContract
{
    protected override StoreBackend CreateBackend() => new PostgresBackend();
}
