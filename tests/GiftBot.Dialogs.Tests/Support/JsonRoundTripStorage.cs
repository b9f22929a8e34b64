using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Dialogs.Tests.Support;

/// <summary>
/// An IStorage that keeps every item as a plain JSON string (no type names) and hands back JObjects, the way a
/// database-backed store does. Proves that dialog state survives without TypeNameHandling.
/// </summary>
public sealed class JsonRoundTripStorage : IStorage
{
    // Like the SQLite store: no type names, and strings that look like dates stay strings.
    private static readonly JsonSerializerSettings Settings = new() { TypeNameHandling = TypeNameHandling.None, DateParseHandling = DateParseHandling.None };
    private readonly ConcurrentDictionary<string, string> _items = new();

    public IReadOnlyDictionary<string, string> Items => _items;

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        IDictionary<string, object> result = new Dictionary<string, object>();
        foreach (var key in keys)
        {
            if (_items.TryGetValue(key, out var json))
            {
                result[key] = JsonConvert.DeserializeObject<JObject>(json, Settings)!;
            }
        }

        return Task.FromResult(result);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        foreach (var (key, value) in changes)
        {
            _items[key] = JsonConvert.SerializeObject(value, Settings);
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys)
        {
            _items.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    /// <summary>Lets a test damage or rewrite the stored JSON, as an old or corrupt database row would be.</summary>
    public void Rewrite(Func<JObject, JObject> change)
    {
        foreach (var key in _items.Keys.ToList())
        {
            _items[key] = change(JObject.Parse(_items[key])).ToString(Formatting.None);
        }
    }
}
