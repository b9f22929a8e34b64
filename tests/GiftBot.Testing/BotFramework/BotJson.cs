using Newtonsoft.Json;

namespace GiftBot.Testing.BotFramework;

/// <summary>Bot Framework wire JSON (Newtonsoft, nulls left out, ISO dates), as the Emulator and the Bot Connector write it.</summary>
public static class BotJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateFormatHandling = DateFormatHandling.IsoDateFormat,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
    };

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    public static T Deserialize<T>(string json) => JsonConvert.DeserializeObject<T>(json, Settings)!;
}
