using GiftBot.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Customers.Context;

/// <summary>Reads values back from any Bot Builder store (plain JSON as JObject, or typed objects from MemoryStorage) without type names.</summary>
internal static class StoredValues
{
    public static readonly JsonSerializerSettings PlainSettings = new()
    {
        TypeNameHandling = TypeNameHandling.None,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
    };

    public static readonly JsonSerializer Plain = JsonSerializer.Create(PlainSettings);

    public static T? As<T>(object? value)
        where T : class => value switch
        {
            null => null,
            T typed => typed,
            JToken token => token.ToObject<T>(Plain),
            _ => JToken.FromObject(value, Plain).ToObject<T>(Plain),
        };

    /// <summary>
    /// An ETag conflict. SqliteStorage throws <see cref="StorageConcurrencyException"/>; Bot Builder's MemoryStorage
    /// throws a plain exception whose message starts "Etag conflict".
    /// </summary>
    public static bool IsConcurrencyConflict(Exception exception) =>
        exception is StorageConcurrencyException
        || exception.Message.StartsWith("Etag conflict", StringComparison.OrdinalIgnoreCase);
}
