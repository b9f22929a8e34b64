using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace GiftBot.Dialogs;

/// <summary>
/// Writes an attachment's content (a hero card, a carousel's cards, an Adaptive Card's JObject) straight to the JSON writer.
/// Bot Schema puts its AttachmentMemoryStreamConverter on <see cref="Attachment.Content"/>: on every write it walks the
/// content by reflection looking for a MemoryStream (a new PropertyInfo[] per object it visits), and when there is none,
/// which is always for a card, it builds the content as a JToken tree and writes that tree. A carousel reply paid for it
/// twice a turn (the connector's send and the transcript's copy). This converter looks for a MemoryStream with the
/// properties it lists once per type, and with none writes the content through the same serializer, which is what
/// <c>JToken.FromObject(value, serializer)</c> does inside the SDK's converter, into the writer instead of a tree: the same
/// JSON. Content that holds a MemoryStream, or a graph it does not finish walking, goes to the SDK's converter, which
/// writes it as it always did. Reading is the SDK's converter's.
/// </summary>
public static class AttachmentContentJson
{
    /// <summary>
    /// Gives <paramref name="property"/> the direct writer when it is <see cref="Attachment.Content"/> with the SDK's converter
    /// (call it from a contract resolver's CreateProperty); any other property is left as it is.
    /// </summary>
    public static JsonProperty WriteDirectly(JsonProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        if (property.DeclaringType == typeof(Attachment) && property.UnderlyingName == nameof(Attachment.Content)
            && property.Converter is { } sdk && sdk is not DirectContentConverter)
        {
            property.Converter = new DirectContentConverter(sdk);
        }

        return property;
    }

    private sealed class DirectContentConverter(JsonConverter sdk) : JsonConverter
    {
        // Deeper than any card: a graph this deep (or a loop) is left to the SDK's converter, which tracks what it visited.
        private const int MaxDepth = 32;
        private static readonly ConcurrentDictionary<Type, PropertyInfo[]> ReferenceProperties = new();

        public override bool CanRead => sdk.CanRead;

        public override bool CanConvert(Type objectType) => sdk.CanConvert(objectType);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
            sdk.ReadJson(reader, objectType, existingValue, serializer);

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            if (value is null || MayHoldMemoryStream(value, 0))
            {
                sdk.WriteJson(writer, value, serializer);
                return;
            }

            serializer.Serialize(writer, value);
        }

        // Looks where the SDK's converter looks (dictionary values, items, public properties), answering true when unsure.
        private static bool MayHoldMemoryStream(object? value, int depth)
        {
            switch (value)
            {
                case null or string or JToken:
                    // A JToken is enumerable; the SDK's walk goes through its children and never finds a stream there.
                    return false;
                case MemoryStream:
                    return true;
            }

            var type = value.GetType();
            if (type.IsValueType)
            {
                return false;
            }

            if (depth >= MaxDepth)
            {
                return true;
            }

            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (MayHoldMemoryStream(entry.Value, depth + 1)) return true;
                }

                return false;
            }

            if (value is IEnumerable items)
            {
                foreach (var item in items)
                {
                    if (MayHoldMemoryStream(item, depth + 1)) return true;
                }

                return false;
            }

            foreach (var property in ReferenceProperties.GetOrAdd(type, ReferencePropertiesOf))
            {
                if (MayHoldMemoryStream(property.GetValue(value), depth + 1)) return true;
            }

            return false;
        }

        // The properties the SDK's walk reads (public, static ones too) whose values can be or hold a MemoryStream: value-typed
        // and string ones cannot. Indexers are left out (the SDK's walk throws on them).
        private static PropertyInfo[] ReferencePropertiesOf(Type type) =>
            [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic && !p.PropertyType.IsValueType && p.PropertyType != typeof(string))];
    }
}
