using GiftBot.Customers.Context;
using Newtonsoft.Json.Linq;

namespace GiftBot.Customers.Middleware;

/// <summary>Reads Meta's referral object (<c>ref</c>, <c>source</c>, <c>ad_id</c>, <c>ads_context_data.ad_title</c>) from a "referral" event's Value.</summary>
public static class ReferralEntry
{
    public static EntrySource? From(object? value, DateTimeOffset at)
    {
        JObject? json;
        try
        {
            json = value switch
            {
                null => null,
                JObject obj => obj,
                string text => new JObject { ["ref"] = text },
                JValue { Type: JTokenType.String } jText => new JObject { ["ref"] = jText.Value<string>() },
                _ => JToken.FromObject(value) as JObject,
            };
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (json is null)
        {
            return null;
        }

        var entry = new EntrySource
        {
            Source = Text(json["source"]),
            Ref = Text(json["ref"]),
            AdId = Text(json["ad_id"]),
            AdTitle = Text(json.SelectToken("ads_context_data.ad_title")),
            At = at,
        };
        return entry.Source is null && entry.Ref is null && entry.AdId is null ? null : entry;
    }

    // Ad ids arrive as strings or numbers; anything else is not usable.
    private static string? Text(JToken? token) =>
        token is JValue { Type: JTokenType.String or JTokenType.Integer } value && !string.IsNullOrWhiteSpace(value.ToString())
            ? value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
