using System.Runtime.CompilerServices;
using GiftBot.Storage.Sqlite;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Storage;

public static class StoredItems
{
    private static readonly ConditionalWeakTable<JsonSerializerSettings, JsonSerializer> FromText = new();

    /// <summary>
    /// Like <see cref="IStorage.ReadAsync"/>, but a store that keeps plain JSON text hands each item back already as a
    /// <typeparamref name="T"/> (deserialised with <paramref name="settings"/>, its ETag set), not as a JObject to convert.
    /// Other stores' values come back as they give them. An item whose text does not fit <typeparamref name="T"/> comes back
    /// as the JObject it did, so converting it fails as it did; corrupt text is a <see cref="StorageReadException"/>.
    /// </summary>
    public static async Task<IDictionary<string, object>> ReadItemsAsync<T>(this IStorage storage, string[] keys, JsonSerializerSettings settings, CancellationToken cancellationToken)
        where T : class, IStoreItem
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(settings);
        if (storage is not IStoredTextReader { CanReadText: true } texts)
        {
            return await storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        }

        var serializer = FromText.GetValue(settings, CreateSerializer);
        var found = await texts.ReadTextAsync(keys, cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, object>(found.Count, StringComparer.Ordinal);
        foreach (var (key, text) in found)
        {
            result[key] = Read<T>(key, text, serializer);
        }

        return result;
    }

    private static object Read<T>(string key, StoredText text, JsonSerializer serializer)
        where T : class, IStoreItem
    {
        try
        {
            using var reader = PooledJson.Reader(text.Json);
            if (serializer.Deserialize<T>(reader) is { } item && !reader.Read())
            {
                item.ETag = text.ETag;
                return item;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or InvalidCastException or ArgumentException or OverflowException)
        {
        }

        // Not a T, or not JSON at all: as the store's own read gives it (a JObject, or a StorageReadException).
        try
        {
            return StoredJson.Deserialize(text.Json, text.ETag);
        }
        catch (JsonException ex)
        {
            throw new StorageReadException(key, ex);
        }
    }

    // As the caller's settings, except that strings stay strings unless a member is a date (the store's own read does not
    // parse dates either, so a date-like string in a string member keeps its exact text).
    private static JsonSerializer CreateSerializer(JsonSerializerSettings settings)
    {
        var serializer = JsonSerializer.Create(settings);
        serializer.DateParseHandling = DateParseHandling.None;
        return serializer;
    }
}
