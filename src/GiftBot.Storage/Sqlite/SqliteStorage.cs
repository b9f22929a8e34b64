using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;

namespace GiftBot.Storage.Sqlite;

/// <summary>
/// Bot Builder <see cref="IStorage"/> over SQLite: values are plain JSON and come back as JObject (BotState converts them);
/// ETags give optimistic concurrency like Bot Framework's Cosmos/Blob storages (null or "*" overwrites, a stale ETag fails).
/// </summary>
public sealed class SqliteStorage(SqliteDatabase database, ILogger<SqliteStorage>? logger = null) : IStorage, IStoredTextReader
{
    private const int KeysPerQuery = 500;
    private readonly ILogger _logger = logger ?? NullLogger<SqliteStorage>.Instance;

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
        => StoredJson.DeserializeAllOrThrow(await ReadStoredTextAsync(keys, cancellationToken).ConfigureAwait(false), _logger);

    bool IStoredTextReader.CanReadText => true;

    Task<IReadOnlyDictionary<string, StoredText>> IStoredTextReader.ReadTextAsync(string[] keys, CancellationToken cancellationToken) =>
        ReadStoredTextAsync(keys, cancellationToken);

    private async Task<IReadOnlyDictionary<string, StoredText>> ReadStoredTextAsync(string[] keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoredText>(StringComparer.Ordinal);
        if (keys.Length == 0)
        {
            return result;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(KeysPerQuery))
        {
            var names = chunk.Select((_, i) => $"$k{i}").ToArray();
            await using var command = connection.Command(
                $"SELECT key, value, etag FROM state WHERE key IN ({string.Join(", ", names)});",
                null, chunk.Select((key, i) => (names[i], (object?)key)).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var key = reader.GetString(0);
                result[key] = new StoredText(reader.GetString(1), reader.GetString(2));
            }
        }

        return result;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        // Serialise before queueing: a value that cannot be serialised fails without touching the store.
        var rows = changes.Select(change => (change.Key, change.Value, Json: StoredJson.Serialize(
            change.Value ?? throw new ArgumentException($"Storage key '{change.Key}' has a null value; delete the key instead.", nameof(changes))),
            ETag: Guid.NewGuid().ToString("N"))).ToList();
        try
        {
            await database.WriteAsync(async (connection, transaction, token) =>
            {
                var now = DateTimeOffset.UtcNow.ToUnixMs();
                foreach (var (key, value, json, etag) in rows)
                {
                    ArgumentNullException.ThrowIfNull(key, nameof(changes));
                    await WriteRowAsync(connection, transaction, key, json, StoredJson.ExpectedETag(value), etag, now, token).ConfigureAwait(false);
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConcurrencyException conflict)
        {
            _logger.LogWarning("ETag conflict writing storage key {StorageKey}", LoggedIds.Key(conflict.Key));
            throw;
        }

        foreach (var (_, value, _, etag) in rows)
        {
            StoredJson.AssignETag(value, etag);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            return;
        }

        await database.WriteAsync(async (connection, transaction, token) =>
        {
            foreach (var key in keys)
            {
                await DeleteRowAsync(connection, transaction, key, token).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes one value with optimistic concurrency: an <paramref name="expectedETag"/> other than null or "*" must match the
    /// stored one (like MemoryStorage, an ETag only conflicts with an item that still exists).
    /// </summary>
    internal static async Task WriteRowAsync(SqliteConnection connection, SqliteTransaction transaction, string key, string json, string? expectedETag, string newETag, long now, CancellationToken cancellationToken)
    {
        if (expectedETag is not null && expectedETag != "*")
        {
            var current = await connection.ScalarAsync<string>("SELECT etag FROM state WHERE key = $key;", cancellationToken, transaction, ("$key", key)).ConfigureAwait(false);
            if (current is not null && current != expectedETag)
            {
                throw new StorageConcurrencyException(key, expectedETag, current);
            }
        }

        await connection.ExecuteAsync(
            """
            INSERT INTO state (key, value, etag, updated_at) VALUES ($key, $value, $etag, $now)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at;
            """,
            cancellationToken, transaction, ("$key", key), ("$value", json), ("$etag", newETag), ("$now", now)).ConfigureAwait(false);
    }

    internal static Task<int> DeleteRowAsync(SqliteConnection connection, SqliteTransaction transaction, string key, CancellationToken cancellationToken) =>
        connection.ExecuteAsync("DELETE FROM state WHERE key = $key;", cancellationToken, transaction, ("$key", key));
}
