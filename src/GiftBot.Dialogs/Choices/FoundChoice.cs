using Newtonsoft.Json;

namespace GiftBot.Dialogs.Choices;

/// <summary>The choice a <see cref="ChoicePrompt"/> recognised.</summary>
public class FoundChoice
{
    /// <summary>The choice's <see cref="Choice.Value"/>.</summary>
    [JsonProperty("value")]
    public string Value { get; set; } = string.Empty;

    /// <summary>Position of the choice in the list offered.</summary>
    [JsonProperty("index")]
    public int Index { get; set; }

    /// <summary>Confidence between 0 and 1 (1 for an exact, ordinal or number match).</summary>
    [JsonProperty("score")]
    public float Score { get; set; }

    /// <summary>The value, title or synonym that matched, when the match was textual.</summary>
    [JsonProperty("synonym", NullValueHandling = NullValueHandling.Ignore)]
    public string? Synonym { get; set; }
}
