using System.Collections;
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

    /// <summary>Serialises a value without its ETag (the ETag lives in its own column).</summary>
    public static string Serialize(object value)
    {
        var token = value is JToken existing ? existing.DeepClone() : JToken.FromObject(value, Serializer);
        if (token is JObject obj)
        {
            foreach (var property in obj.Properties().Where(p => string.Equals(p.Name, ETagProperty, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                property.Remove();
            }
        }

        return token.ToString(Formatting.None);
    }

    /// <summary>Parses a stored value back as a JObject (or other JToken) carrying its current ETag. Throws JsonException when corrupt.</summary>
    public static object Deserialize(string json, string etag)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        var token = JToken.ReadFrom(reader);
        if (reader.Read() && reader.TokenType != JsonToken.Comment)
        {
            throw new JsonReaderException("Unexpected content after the stored JSON value.");
        }

        if (token is JObject obj)
        {
            obj[ETagProperty] = etag;
        }

        return token;
    }

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
