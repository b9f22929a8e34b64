using System.Text.Json;
using System.Text.Json.Serialization;
using GiftBot.Messenger.Inbound;
using GiftBot.Storage;

namespace GiftBot.Messenger.Inbox;

/// <summary>
/// What a durable-inbox item holds: the checked <see cref="MessengerEvent"/> as JSON. Read back typed, never re-read
/// from Meta's raw JSON; items stored by earlier versions ({pageId, standby, event}) go through the same reader once.
/// </summary>
public static class InboxEventPayload
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(MessengerEvent messengerEvent) => JsonSerializer.Serialize(messengerEvent, Options);

    /// <summary>The stored event; <see cref="UnprocessableInboxItemException"/> when the payload cannot be one (retrying would not help).</summary>
    public static MessengerEvent Deserialize(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.TryGetProperty("event", out var legacy)) return ReadLegacy(document.RootElement, legacy);
            return document.RootElement.Deserialize<MessengerEvent>(Options) ?? throw new JsonException("The payload is null.");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new UnprocessableInboxItemException($"The stored Messenger event cannot be read: {ex.GetType().Name}", ex);
        }
    }

    private static MessengerEvent ReadLegacy(JsonElement root, JsonElement item)
    {
        var pageId = root.TryGetProperty("pageId", out var page) && page.ValueKind == JsonValueKind.String ? page.GetString()! : "";
        var standby = root.TryGetProperty("standby", out var flag) && flag.ValueKind == JsonValueKind.True;
        var reading = MessengerEventReader.Read(item, pageId, standby);
        return reading.Event ?? throw new UnprocessableInboxItemException($"The stored Messenger event cannot be read: {reading.Rejection ?? "unknown kind"}");
    }
}
