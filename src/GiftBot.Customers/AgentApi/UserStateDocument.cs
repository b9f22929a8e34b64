using GiftBot.Storage;
using System.Text.Json.Nodes;
using GiftBot.Customers.Context;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Customers.AgentApi;

/// <summary>
/// Reads chosen properties (basket, saved recipients) from the person's Bot Builder UserState document
/// ("{channelId}/users/{userId}") as raw JSON, so the card shows them without this project knowing their types.
/// </summary>
public sealed class UserStateDocument(IStorage storage, IOptionsMonitor<AgentApiOptions> options, ILogger<UserStateDocument> logger)
{
    public static string KeyFor(string channelId, string userId) => $"{channelId}/users/{userId}";

    /// <summary>The configured properties that are present, by card name; null when there are none or the document cannot be read.</summary>
    public async Task<JsonObject?> ReadAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var key = KeyFor(channelId, userId);
        object? value;
        try
        {
            var read = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
            value = read.TryGetValue(key, out var stored) ? stored : null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The card is still useful without the basket; the conversation's own error handling deals with a corrupt document.
            logger.LogWarning(ex, "Could not read the user state of {ChannelId}/{Person} for the agent card", channelId, LoggedIds.Person(userId));
            return null;
        }

        if ((value as JObject ?? (value is null ? null : JToken.FromObject(value, StoredValues.Plain) as JObject)) is not { } document)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var (cardName, propertyName) in options.CurrentValue.UserStateProperties)
        {
            if (document.GetValue(propertyName, StringComparison.OrdinalIgnoreCase) is { Type: not JTokenType.Null } token)
            {
                result[cardName] = JsonNode.Parse(WithoutTypeNames(token.DeepClone()).ToString(Formatting.None));
            }
        }

        return result.Count == 0 ? null : result;
    }

    /// <summary>Drops "$type" (and unwraps "$values") that a store using TypeNameHandling may have written.</summary>
    private static JToken WithoutTypeNames(JToken token)
    {
        if (token is JObject obj)
        {
            if (obj["$values"] is JArray values)
            {
                return WithoutTypeNames(values);
            }

            obj.Remove("$type");
            foreach (var property in obj.Properties().ToList())
            {
                var cleaned = WithoutTypeNames(property.Value);
                if (!ReferenceEquals(cleaned, property.Value))
                {
                    property.Value = cleaned;
                }
            }
        }
        else if (token is JArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var cleaned = WithoutTypeNames(array[i]);
                if (!ReferenceEquals(cleaned, array[i]))
                {
                    array[i] = cleaned;
                }
            }
        }

        return token;
    }
}
