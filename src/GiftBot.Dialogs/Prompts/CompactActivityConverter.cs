using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace GiftBot.Dialogs.Prompts;

/// <summary>
/// Stores a prompt's activity without its unset (null) members. An Activity has about forty of them, so written whole
/// they were half of a conversation's stored state, and every turn parsed, copied, hashed and wrote them several times.
/// Reading gives the same activity: a member that is absent is null, as it was.
/// </summary>
public sealed class CompactActivityConverter : JsonConverter<Activity>
{
    private static readonly JsonSerializer WithoutNulls = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        TypeNameHandling = TypeNameHandling.None,
    });

    public override void WriteJson(JsonWriter writer, Activity? value, JsonSerializer serializer)
    {
        if (value is null) writer.WriteNull();
        else WithoutNulls.Serialize(writer, value);
    }

    public override Activity? ReadJson(JsonReader reader, Type objectType, Activity? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        reader.TokenType == JsonToken.Null ? null : WithoutNulls.Deserialize<Activity>(reader);
}
