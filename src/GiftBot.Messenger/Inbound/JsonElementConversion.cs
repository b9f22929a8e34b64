using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Inbound;

/// <summary>
/// Bot Framework activities carry Newtonsoft values (ChannelData, event Value, attachment Content). A checked event's
/// JSON is converted node by node, not parsed again; strings stay strings (no date guessing).
/// </summary>
public static class JsonElementConversion
{
    public static JToken ToJToken(this JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new JObject(element.EnumerateObject().Select(p => new JProperty(p.Name, p.Value.ToJToken()))),
        JsonValueKind.Array => new JArray(element.EnumerateArray().Select(ToJToken)),
        JsonValueKind.String => new JValue(element.GetString()),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? new JValue(integer) : new JValue(element.GetDouble()),
        JsonValueKind.True => new JValue(true),
        JsonValueKind.False => new JValue(false),
        _ => JValue.CreateNull(),
    };
}
