using GiftBot.Storage.Sqlite;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;
using Npgsql;

namespace GiftBot.Storage.Postgres;

/// <summary>
/// Bot Builder <see cref="IStorage"/> over PostgreSQL, with the same contract as <see cref="SqliteStorage"/>: plain JSON
/// values that come back as JObject, ETags for optimistic concurrency (null or "*" overwrites, a stale ETag fails),
/// and a write of several keys is one transaction. A conditional write is a compare-and-set in one statement, so two
/// instances writing the same conversation cannot both win.
/// </summary>
public sealed class PostgresStorage(PostgresDatabase database, ILogger<PostgresStorage>? logger = null) : IStorage, IStoredTextReader
{
    private readonly ILogger _logger = logger ?? NullLogger<PostgresStorage>.Instance;

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
        await using var command = connection.Command("SELECT key, value, etag FROM state WHERE key = ANY(@keys);", null,
            ("keys", keys.Distinct(StringComparer.Ordinal).Select(StoredKey).ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = KeyOf(reader.GetString(0));
            result[key] = new StoredText(reader.GetString(1), reader.GetString(2));
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

        // Serialise first: a value that cannot be serialised fails without touching the store. Keys in a fixed order,
        // so two writers of overlapping key sets lock rows in the same order and cannot deadlock.
        var rows = changes
            .Select(change => (Key: change.Key ?? throw new ArgumentNullException(nameof(changes)), change.Value, Json: StoredJson.Serialize(
                change.Value ?? throw new ArgumentException($"Storage key '{change.Key}' has a null value; delete the key instead.", nameof(changes)))))
            .OrderBy(row => row.Key, StringComparer.Ordinal)
            .ToList();
        var newETags = new List<(object Value, string ETag)>(rows.Count);

        await using var write = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        try
        {
            foreach (var (key, value, json) in rows)
            {
                var etag = Guid.NewGuid().ToString("N");
                await WriteRowAsync(write.Connection, write.Transaction, key, json, StoredJson.ExpectedETag(value), etag, now, cancellationToken).ConfigureAwait(false);
                newETags.Add((value, etag));
            }
        }
        catch (StorageConcurrencyException conflict)
        {
            _logger.LogWarning("ETag conflict writing storage key {StorageKey}", LoggedIds.Key(conflict.Key));
            throw;
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (value, etag) in newETags)
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

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync("DELETE FROM state WHERE key = ANY(@keys);", cancellationToken, null, ("keys", keys.Select(StoredKey).ToArray())).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes one value inside the caller's transaction with optimistic concurrency: an <paramref name="expectedETag"/> other
    /// than null or "*" must match the stored one (like MemoryStorage, an ETag only conflicts with an item that still exists).
    /// <paramref name="key"/> is the caller's key; it is escaped here.
    /// </summary>
    internal static async Task WriteRowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string key, string json, string? expectedETag, string newETag, long now, CancellationToken cancellationToken)
    {
        var stored = StoredKey(key);
        if (expectedETag is null or "*")
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO state (key, value, etag, updated_at) VALUES (@key, @value, @etag, @now)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at;
                """,
                cancellationToken, transaction, ("key", stored), ("value", json), ("etag", newETag), ("now", now)).ConfigureAwait(false);
            return;
        }

        // Compare-and-set in one statement, so two instances writing the same conversation cannot both win.
        var updated = await connection.ExecuteAsync(
            "UPDATE state SET value = @value, etag = @etag, updated_at = @now WHERE key = @key AND etag = @expected;",
            cancellationToken, transaction, ("value", json), ("etag", newETag), ("now", now), ("key", stored), ("expected", expectedETag)).ConfigureAwait(false);
        if (updated == 1)
        {
            return;
        }

        var inserted = await connection.ExecuteAsync(
            "INSERT INTO state (key, value, etag, updated_at) VALUES (@key, @value, @etag, @now) ON CONFLICT (key) DO NOTHING;",
            cancellationToken, transaction, ("key", stored), ("value", json), ("etag", newETag), ("now", now)).ConfigureAwait(false);
        if (inserted == 1)
        {
            return;
        }

        var current = await connection.ScalarAsync<string>("SELECT etag FROM state WHERE key = @key;", cancellationToken, transaction, ("key", stored)).ConfigureAwait(false);
        throw new StorageConcurrencyException(key, expectedETag, current);
    }

    internal static Task<int> DeleteRowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string key, CancellationToken cancellationToken) =>
        connection.ExecuteAsync("DELETE FROM state WHERE key = @key;", cancellationToken, transaction, ("key", StoredKey(key)));

    // PostgreSQL text cannot hold NUL, and keys come from channel ids a client chooses: escape it (and the escape
    // character) so every key round-trips exactly, while ordinary keys are stored as they are.
    private static string StoredKey(string key) =>
        key.Contains('\\', StringComparison.Ordinal) || key.Contains('\0', StringComparison.Ordinal)
            ? key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal)
            : key;

    private static string KeyOf(string storedKey) =>
        storedKey.Contains('\\', StringComparison.Ordinal) ? UnescapeKey(storedKey) : storedKey;

    private static string UnescapeKey(string storedKey)
    {
        var key = new System.Text.StringBuilder(storedKey.Length);
        for (var i = 0; i < storedKey.Length; i++)
        {
            if (storedKey[i] == '\\' && i + 1 < storedKey.Length)
            {
                key.Append(storedKey[++i] == '0' ? '\0' : storedKey[i]);
            }
            else
            {
                key.Append(storedKey[i]);
            }
        }

        return key.ToString();
    }
}
