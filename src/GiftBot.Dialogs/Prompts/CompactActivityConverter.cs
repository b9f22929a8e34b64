using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace GiftBot.Dialogs.Prompts;

/// <summary>
/// Stores a prompt's activity without its unset (null) members and without the envelope a send fills in again. An
/// Activity has about forty members, so written whole they were half of a conversation's stored state, and every turn
/// parsed, copied and wrote them. Once a prompt was sent its object also carried that turn's envelope (ids, service URL,
/// both accounts, the conversation: a fifth of a gift-finder conversation's state); a re-sent prompt gets the envelope
/// of the turn that re-sends it, as the retry prompt (never sent before it is stored) always did.
/// Reading gives the same activity as sending it needs: a member that is absent is null.
/// </summary>
public sealed class CompactActivityConverter : JsonConverter<Activity>
{
    // What TurnContext sets on every reply from the turn's conversation reference (ApplyConversationReference), and the
    // id the connector's answer gave the sent activity.
    private static readonly HashSet<string> Envelope = ["id", "serviceUrl", "channelId", "from", "recipient", "conversation", "replyToId"];

    private static readonly JsonSerializer WithoutNulls = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        TypeNameHandling = TypeNameHandling.None,
    });

    private static readonly JsonSerializer WithoutEnvelope = Create(Envelope);

    private static readonly JsonSerializer WithoutEnvelopeNorActions = Create(new HashSet<string>(Envelope) { "suggestedActions" });

    public override void WriteJson(JsonWriter writer, Activity? value, JsonSerializer serializer) => Write(writer, value, withoutSuggestedActions: false);

    public override Activity? ReadJson(JsonReader reader, Type objectType, Activity? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        Read(reader);

    /// <param name="withoutSuggestedActions">Leaves the quick replies out too (<see cref="PromptOptions"/> stores them once when its two activities share them).</param>
    internal static void Write(JsonWriter writer, Activity? value, bool withoutSuggestedActions)
    {
        if (value is null) writer.WriteNull();
        else (withoutSuggestedActions ? WithoutEnvelopeNorActions : WithoutEnvelope).Serialize(writer, value);
    }

    internal static Activity? Read(JsonReader reader) => reader.TokenType == JsonToken.Null ? null : WithoutNulls.Deserialize<Activity>(reader);

    private static JsonSerializer Create(IReadOnlySet<string> leftOut) => JsonSerializer.Create(CompactActivityJson.Settings(leftOut));
}
