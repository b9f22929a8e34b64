using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Webhook;

/// <summary>What one durable-inbox item holds: one messaging (or standby) item exactly as Meta sent it, with its Page.</summary>
public sealed class InboxEnvelope
{
    [JsonProperty("pageId")] public string PageId { get; set; } = "";
    [JsonProperty("standby")] public bool Standby { get; set; }
    [JsonProperty("event")] public JObject Event { get; set; } = [];

    public string Serialize() => JsonConvert.SerializeObject(this, Formatting.None);

    public static InboxEnvelope Deserialize(string payload) =>
        MessengerJson.Parse(payload).ToObject<InboxEnvelope>() ?? throw new JsonSerializationException("Empty inbox payload.");
}

/// <summary>JSON parsing that keeps Meta's values as sent (no date conversion of string fields).</summary>
public static class MessengerJson
{
    public static JObject Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    public static JObject Parse(Stream utf8Json)
    {
        using var reader = new JsonTextReader(new StreamReader(utf8Json)) { DateParseHandling = DateParseHandling.None };
        var root = JObject.Load(reader);
        if (reader.Read()) throw new JsonReaderException("Unexpected content after the JSON object.");
        return root;
    }
}
