using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Personas;

/// <summary>The persona registered with Meta for one Page: its id and what it was created from.</summary>
public sealed record PersonaRecord(
    [property: JsonProperty("id")] string Id,
    [property: JsonProperty("fingerprint")] string Fingerprint,
    [property: JsonProperty("name")] string Name,
    [property: JsonProperty("pictureUrl")] string PictureUrl,
    [property: JsonProperty("createdAt")] DateTimeOffset CreatedAt)
{
    /// <summary>Changes whenever the name or the picture URL changes: Meta's personas cannot be edited, only re-created.</summary>
    public static string FingerprintOf(string name, string pictureUrl) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{name}\n{pictureUrl}"))).ToLowerInvariant()[..16];
}

/// <summary>Keeps <see cref="PersonaRecord"/>s in IStorage under "messenger/persona/{pageId}" as plain JSON.</summary>
public sealed class PersonaStore(IStorage storage)
{
    public static string Key(string pageId) => $"messenger/persona/{pageId}";

    public async Task<PersonaRecord?> GetAsync(string pageId, CancellationToken cancellationToken)
    {
        var key = Key(pageId);
        var items = await storage.ReadAsync([key], cancellationToken);
        // Stores hand back the typed object or a JObject: convert, never cast.
        return items.TryGetValue(key, out var value) && value is not null ? JObject.FromObject(value).ToObject<PersonaRecord>() : null;
    }

    public Task SaveAsync(string pageId, PersonaRecord record, CancellationToken cancellationToken) =>
        storage.WriteAsync(new Dictionary<string, object> { [Key(pageId)] = JObject.FromObject(record) }, cancellationToken);
}
