using System.Collections.Concurrent;
using GiftBot.Storage.Sqlite;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Storage;

/// <summary>
/// Reads a stored bot state document (one JSON object: property name -> value) straight from its text. Properties whose
/// type is known (registered by <see cref="BotStateExtensions.CreateTrackedProperty{T}"/>) become that type at once, as
/// BotState's own conversion (ToObject) would make them on first use; others come back as before (objects and arrays as
/// JTokens, scalars as their values). Parsing into a JObject first cost a JSON tree per property per turn, read once and
/// thrown away. A document that does not fit its types is read untyped, so its properties fail (or not) where they did.
/// </summary>
internal sealed class StoredStateReader
{
    // As ToObject<T>() reads a JObject that was parsed without date parsing: strings stay strings unless a member is a date.
    private static readonly JsonSerializer Typed = CreateTypedSerializer();
    private static readonly JsonLoadSettings NoLineInfo = new() { LineInfoHandling = LineInfoHandling.Ignore };

    // null: the name was registered with two different types, so it stays untyped.
    private readonly ConcurrentDictionary<string, Type?> _types = new(StringComparer.Ordinal);

    public void Register(string name, Type type)
    {
        if (!_types.TryGetValue(name, out var known) || known != type)
        {
            _types.AddOrUpdate(name, type, (_, existing) => existing == type ? type : null);
        }
    }

    /// <summary>The state dictionary of <paramref name="text"/>, carrying its ETag as BotState expects.</summary>
    /// <exception cref="StorageReadException">The text is not valid JSON.</exception>
    /// <exception cref="InvalidOperationException">The text is JSON, but not an object.</exception>
    public Dictionary<string, object> Read(string key, StoredText text)
    {
        Dictionary<string, object> values;
        try
        {
            values = ReadTyped(text.Json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or InvalidCastException or ArgumentException or OverflowException)
        {
            // Corrupt, not an object, or a value of another shape than its type: read as before, which tells them apart.
            values = ReadUntyped(key, text.Json);
        }

        values[StoredJson.ETagProperty] = text.ETag;
        return values;
    }

    private Dictionary<string, object> ReadTyped(string json)
    {
        using var reader = PooledJson.Reader(json);
        if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
        {
            throw new JsonReaderException("Not a JSON object.");
        }

        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonToken.EndObject)
        {
            if (reader.TokenType == JsonToken.Comment) continue;
            var name = (string)reader.Value!;
            reader.Read();
            values[name] = reader.TokenType != JsonToken.Null && _types.TryGetValue(name, out var type) && type is not null
                ? Typed.Deserialize(reader, type)!
                : Untyped(JToken.ReadFrom(reader, NoLineInfo));
        }

        EnsureEnd(reader);
        return values;
    }

    private static Dictionary<string, object> ReadUntyped(string key, string json)
    {
        JToken document;
        try
        {
            using var reader = PooledJson.Reader(json);
            document = JToken.ReadFrom(reader, NoLineInfo);
            EnsureEnd(reader);
        }
        catch (JsonException ex)
        {
            throw new StorageReadException(key, ex);
        }

        if (document is not JObject stored)
        {
            throw new InvalidOperationException($"Stored state '{key}' is not a JSON object.");
        }

        var values = new Dictionary<string, object>(stored.Count, StringComparer.Ordinal);
        foreach (var property in stored.Properties())
        {
            values[property.Name] = Untyped(property.Value);
        }

        return values;
    }

    private static object Untyped(JToken token) => token is JValue scalar ? scalar.Value! : token;

    private static void EnsureEnd(JsonTextReader reader)
    {
        if (reader.Read() && reader.TokenType != JsonToken.Comment)
        {
            throw new JsonReaderException("Unexpected content after the stored JSON value.");
        }
    }

    private static JsonSerializer CreateTypedSerializer()
    {
        var serializer = JsonSerializer.CreateDefault();
        serializer.DateParseHandling = DateParseHandling.None;
        return serializer;
    }
}
