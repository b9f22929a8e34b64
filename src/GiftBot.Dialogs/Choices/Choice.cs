using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace GiftBot.Dialogs.Choices;

/// <summary>An option offered to the user. <see cref="Value"/> is what the prompt returns and what a tap sends by default.</summary>
public class Choice
{
    public Choice(string? value = null)
    {
        Value = value ?? string.Empty;
    }

    [JsonProperty("value")]
    public string Value { get; set; }

    /// <summary>The button to render instead of the default imBack of <see cref="Value"/> (e.g. a postBack payload).</summary>
    [JsonProperty("action", NullValueHandling = NullValueHandling.Ignore)]
    public CardAction? Action { get; set; }
}
