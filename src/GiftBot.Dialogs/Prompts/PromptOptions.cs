using GiftBot.Dialogs.Choices;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace GiftBot.Dialogs.Prompts;

/// <summary>
/// What a prompt says and accepts. Stored in the prompt's state as plain JSON, so every member must survive
/// a round trip: <see cref="Validations"/> comes back to validators as a JObject/JToken on later turns
/// (read it with <see cref="StateConvert.To{T}"/>).
/// </summary>
public class PromptOptions
{
    /// <summary>The question sent when the prompt begins.</summary>
    [JsonProperty("prompt")]
    public Activity? Prompt { get; set; }

    /// <summary>Sent when the answer is not recognised or not valid; <see cref="Prompt"/> is used when absent.</summary>
    [JsonProperty("retryPrompt")]
    public Activity? RetryPrompt { get; set; }

    /// <summary>The choices for a <see cref="ChoicePrompt"/>.</summary>
    [JsonProperty("choices")]
    public IList<Choice>? Choices { get; set; }

    /// <summary>How choices are shown; the prompt's own style when null.</summary>
    [JsonProperty("style")]
    public ListStyle? Style { get; set; }

    /// <summary>Extra data for the validator (limits, ranges).</summary>
    [JsonProperty("validations")]
    public object? Validations { get; set; }

    /// <summary>Culture used for recognition instead of the activity's locale.</summary>
    [JsonProperty("recognizeLanguage")]
    public string? RecognizeLanguage { get; set; }
}
