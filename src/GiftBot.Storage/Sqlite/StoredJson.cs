using System.Collections;
using Microsoft.Extensions.Logging;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Storage.Sqlite;

/// <summary>
/// Plain JSON for state values (no type names: a stored value can never choose which .NET type gets created)
/// and the "eTag" conventions Bot Builder uses: IStoreItem.ETag, a JObject's "eTag", or BotState's dictionary "eTag".
/// </summary>
internal static class StoredJson
{
    public const string ETagProperty = "eTag";

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
    });

    // Same settings, but an object's own ETag property is left out, so typed values are written straight to text
    // (no intermediate JToken tree on every save). A typed object's null members are left out too: reading leaves a
    // missing member at its default, which is null for every nullable member of a stored state type; a dictionary's
    // null entries (dialog state) are kept, as Newtonsoft keeps them. About a tenth of a new shopper's state was nulls.
    private static readonly JsonSerializer WithoutETags = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        NullValueHandling = NullValueHandling.Ignore,
        ContractResolver = new SkipETagContractResolver(),
    });

    private static readonly JsonLoadSettings NoLineInfo = new() { LineInfoHandling = LineInfoHandling.Ignore };

    /// <summary>Serialises a value without its ETag (the ETag lives in its own column).</summary>
    public static string Serialize(object value)
    {
        switch (value)
        {
            case JToken token:
                var copy = token.DeepClone();
                if (copy is JObject obj)
                {
                    foreach (var property in obj.Properties().Where(p => string.Equals(p.Name, ETagProperty, StringComparison.OrdinalIgnoreCase)).ToList())
                    {
                        property.Remove();
                    }
                }

                return PooledJson.Write(json => copy.WriteTo(json));
            case IDictionary<string, object?> dictionary:
                // BotState's dictionary carries its ETag as an entry; written entry by entry as the serializer would, without it.
                return WriteDictionary(dictionary);
            default:
                return Write(value);
        }
    }

    private static bool IsETag(string name) => string.Equals(name, ETagProperty, StringComparison.OrdinalIgnoreCase);

    private static string Write(object value) => PooledJson.Write(json => WithoutETags.Serialize(json, value));

    private static string WriteDictionary(IDictionary<string, object?> dictionary) => PooledJson.Write(json =>
    {
        json.WriteStartObject();
        foreach (var (name, entry) in dictionary)
        {
            if (IsETag(name)) continue;
            json.WritePropertyName(name);
            WithoutETags.Serialize(json, entry);
        }

        json.WriteEndObject();
    });

    private sealed class SkipETagContractResolver : Newtonsoft.Json.Serialization.DefaultContractResolver
    {
        protected override IList<Newtonsoft.Json.Serialization.JsonProperty> CreateProperties(Type type, MemberSerialization memberSerialization) =>
            base.CreateProperties(type, memberSerialization).Where(p => !IsETag(p.PropertyName ?? "")).ToList();
    }

    /// <summary>Parses a stored value back as a JObject (or other JToken) carrying its current ETag. Throws JsonException when corrupt.</summary>
    public static object Deserialize(string json, string etag)
    {
        using var reader = PooledJson.Reader(json);
        // No line-number annotations: nobody reports positions in stored state, and they cost an object per token.
        var token = JToken.ReadFrom(reader, NoLineInfo);
        if (reader.Read() && reader.TokenType != JsonToken.Comment)
        {
            throw new JsonReaderException("Unexpected content after the stored JSON value.");
        }

        if (token is JObject obj)
        {
            obj[ETagProperty] = etag;
        }

        token.AddAnnotation(new StoredText(json, etag));
        return token;
    }

    /// <summary>As <see cref="Deserialize"/>, but corrupt JSON is reported as a <see cref="StorageReadException"/> for <paramref name="key"/>.</summary>
    public static object DeserializeOrThrow(string key, string json, string etag, ILogger logger)
    {
        try
        {
            return Deserialize(json, etag);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Stored item {StorageKey} is not valid JSON; reporting it instead of treating it as missing", LoggedIds.Key(key));
            throw new StorageReadException(key, ex);
        }
    }

    /// <summary>What <see cref="Microsoft.Bot.Builder.IStorage.ReadAsync"/> returns for rows read as text: each parsed as <see cref="DeserializeOrThrow"/> does.</summary>
    public static IDictionary<string, object> DeserializeAllOrThrow(IReadOnlyDictionary<string, StoredText> rows, ILogger logger)
    {
        var result = new Dictionary<string, object>(rows.Count, StringComparer.Ordinal);
        foreach (var (key, text) in rows)
        {
            result[key] = DeserializeOrThrow(key, text.Json, text.ETag, logger);
        }

        return result;
    }

    /// <summary>The stored text a value was parsed from, when it came straight from the store; null otherwise.</summary>
    public static StoredText? SourceOf(object? value) => (value as JToken)?.Annotation<StoredText>();

    /// <summary>The ETag the writer expects the stored item to have; null means "no expectation" (overwrite).</summary>
    public static string? ExpectedETag(object value) => value switch
    {
        IStoreItem item => item.ETag,
        JObject obj => obj.GetValue(ETagProperty, StringComparison.OrdinalIgnoreCase)?.Type == JTokenType.String
            ? obj.GetValue(ETagProperty, StringComparison.OrdinalIgnoreCase)!.Value<string>()
            : null,
        IDictionary<string, object?> dictionary => dictionary.TryGetValue(ETagProperty, out var etag) ? AsString(etag) : null,
        IDictionary dictionary => dictionary.Contains(ETagProperty) ? AsString(dictionary[ETagProperty]) : null,
        _ => null,
    };

    /// <summary>Hands the new ETag back to the caller's object, as Bot Builder storages do, so its next write does not conflict with itself.</summary>
    public static void AssignETag(object value, string etag)
    {
        switch (value)
        {
            case IStoreItem item:
                item.ETag = etag;
                break;
            case JObject obj:
                obj[ETagProperty] = etag;
                break;
            case IDictionary<string, object?> dictionary when !dictionary.IsReadOnly:
                dictionary[ETagProperty] = etag;
                break;
            case IDictionary dictionary when !dictionary.IsReadOnly:
                dictionary[ETagProperty] = etag;
                break;
        }
    }

    private static string? AsString(object? value) => value switch
    {
        null => null,
        string text => text,
        JValue { Type: JTokenType.String } jValue => jValue.Value<string>(),
        _ => null,
    };
}

/// <summary>A stored value as text, with its ETag: parsing it again gives a fresh copy of what the store holds.</summary>
internal sealed record StoredText(string Json, string ETag)
{
    public object Parse() => StoredJson.Deserialize(Json, ETag);
}
