using GiftBot.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Webhook;

/// <summary>Newtonsoft parsing that keeps values as written (no date conversion of string fields), for local files and Azure's channel data.</summary>
public static class MessengerJson
{
    public static JObject Parse(string json)
    {
        using var reader = PooledJson.Reader(json);
        return JObject.Load(reader);
    }
}
