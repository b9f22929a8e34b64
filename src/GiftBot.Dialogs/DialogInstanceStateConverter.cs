using Newtonsoft.Json;

namespace GiftBot.Dialogs;

/// <summary>
/// Reads a dialog instance's stored state with a component's inner stack (<see cref="ComponentDialog.PersistedDialogState"/>)
/// already as a <see cref="DialogState"/> and a prompt's options as <see cref="Prompts.PromptOptions"/> (a prompt's activity
/// was otherwise parsed into a JSON tree and converted again on every turn it waited). Read as loose JSON instead, each level of nesting was copied into a new JSON tree
/// once per enclosing component, every turn. Other values come back as before (JObject, JArray, long, double, string,
/// bool); writing is Newtonsoft's own.
/// </summary>
public sealed class DialogInstanceStateConverter : JsonConverter<IDictionary<string, object?>>
{
    public override bool CanWrite => false;

    public override IDictionary<string, object?>? ReadJson(JsonReader reader, Type objectType, IDictionary<string, object?>? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null) return null;
        if (reader.TokenType != JsonToken.StartObject)
            throw new JsonSerializationException($"A dialog instance's state must be a JSON object, not {reader.TokenType}.");

        var state = new Dictionary<string, object?>();
        while (reader.Read() && reader.TokenType != JsonToken.EndObject)
        {
            if (reader.TokenType == JsonToken.Comment) continue;
            var name = (string)reader.Value!;
            reader.Read();
            state[name] = reader.TokenType != JsonToken.StartObject ? serializer.Deserialize(reader, typeof(object))
                : name == ComponentDialog.PersistedDialogState ? serializer.Deserialize<DialogState>(reader)
                : name == Prompts.PromptOptions.StateKey ? serializer.Deserialize<Prompts.PromptOptions>(reader)
                : serializer.Deserialize(reader, typeof(object));
        }
        return state;
    }

    public override void WriteJson(JsonWriter writer, IDictionary<string, object?>? value, JsonSerializer serializer) =>
        throw new NotSupportedException("Dialog state is written by Newtonsoft's own dictionary serialisation.");
}
