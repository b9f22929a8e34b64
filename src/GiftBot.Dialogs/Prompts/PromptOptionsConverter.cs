using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace GiftBot.Dialogs.Prompts;

/// <summary>
/// Stores <see cref="PromptOptions"/> with each activity compact (<see cref="CompactActivityConverter"/>) and the quick
/// replies once when the retry prompt offers the same ones as the prompt (the gift finder's questions do: a third of a
/// waiting conversation's stored state was the second copy). Reading gives the retry prompt its own copy of them again.
/// </summary>
public sealed class PromptOptionsConverter : JsonConverter<PromptOptions>
{
    private const string PromptProperty = "prompt";
    private const string RetryPromptProperty = "retryPrompt";
    private const string RetryOffersPromptActions = "retryActionsAsPrompt";

    public override void WriteJson(JsonWriter writer, PromptOptions? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        var shared = SameActions(value.Prompt?.SuggestedActions, value.RetryPrompt?.SuggestedActions);
        writer.WriteStartObject();
        writer.WritePropertyName(PromptProperty);
        CompactActivityConverter.Write(writer, value.Prompt, withoutSuggestedActions: false);
        writer.WritePropertyName(RetryPromptProperty);
        CompactActivityConverter.Write(writer, value.RetryPrompt, withoutSuggestedActions: shared);
        if (shared)
        {
            writer.WritePropertyName(RetryOffersPromptActions);
            writer.WriteValue(true);
        }

        writer.WriteEndObject();
    }

    public override PromptOptions? ReadJson(JsonReader reader, Type objectType, PromptOptions? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null) return null;
        if (reader.TokenType != JsonToken.StartObject)
            throw new JsonSerializationException($"Prompt options must be a JSON object, not {reader.TokenType}.");

        var options = existingValue ?? new PromptOptions();
        var shared = false;
        while (reader.Read() && reader.TokenType != JsonToken.EndObject)
        {
            if (reader.TokenType == JsonToken.Comment) continue;
            var name = (string)reader.Value!;
            reader.Read();
            switch (name)
            {
                case PromptProperty: options.Prompt = CompactActivityConverter.Read(reader); break;
                case RetryPromptProperty: options.RetryPrompt = CompactActivityConverter.Read(reader); break;
                case RetryOffersPromptActions: shared = reader.TokenType == JsonToken.Boolean && (bool)reader.Value!; break;
                default: reader.Skip(); break;
            }
        }

        if (shared && options is { RetryPrompt: { } retry, Prompt.SuggestedActions: { } actions })
            retry.SuggestedActions = new SuggestedActions(actions.To?.ToList(), actions.Actions?.Select(Copy).ToList());
        return options;
    }

    // Only plain quick replies are shared: the same texts, titles, pictures and string values, nothing channel-specific.
    private static bool SameActions(SuggestedActions? first, SuggestedActions? second)
    {
        if (first?.Actions is not { } a || second?.Actions is not { } b || a.Count != b.Count) return false;
        if (!(first.To ?? []).SequenceEqual(second.To ?? [])) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!Plain(a[i]) || !Plain(b[i])) return false;
            if (a[i].Type != b[i].Type || a[i].Title != b[i].Title || a[i].Text != b[i].Text || a[i].DisplayText != b[i].DisplayText
                || a[i].Image != b[i].Image || a[i].ImageAltText != b[i].ImageAltText || !Equals(a[i].Value, b[i].Value)) return false;
        }

        return true;
    }

    private static bool Plain(CardAction action) =>
        action is { ChannelData: null, Value: null or string };

    private static CardAction Copy(CardAction action) => new(action.Type, action.Title, action.Image, action.Text, action.DisplayText, action.Value, action.ChannelData)
    {
        ImageAltText = action.ImageAltText,
    };
}
