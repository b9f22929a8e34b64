using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace GiftBot.Storage;

/// <summary>
/// The storage ConversationState and UserState read through. A plain-JSON store returns a JObject, which BotState copies
/// whole into a dictionary (ToObject) before it reads any property; here the stored object's top-level values are handed
/// over as that dictionary instead (objects and arrays stay JTokens, scalars become their values, exactly what ToObject
/// gave), so each turn's state is not copied once more. Writes and deletes pass straight through.
/// </summary>
public sealed class BotStateStorage(IStorage inner) : IStorage
{
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        foreach (var (key, value) in read.ToList())
        {
            if (value is JObject stored)
            {
                read[key] = AsDictionary(stored);
            }
        }

        return read;
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(changes, cancellationToken);

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(keys, cancellationToken);

    private static Dictionary<string, object> AsDictionary(JObject stored)
    {
        var values = new Dictionary<string, object>(stored.Count, StringComparer.Ordinal);
        foreach (var property in stored.Properties())
        {
            values[property.Name] = property.Value is JValue scalar ? scalar.Value! : property.Value;
        }

        return values;
    }
}
