using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace GiftBot.Dialogs.Prompts;

/// <summary>
/// What a prompt says. Stored in the prompt's state as plain JSON, so every member must survive a round trip.
/// Choices are rendered into the activities by the caller (quick replies), so the prompt only sends them.
/// Written by <see cref="PromptOptionsConverter"/>.
/// </summary>
[JsonConverter(typeof(PromptOptionsConverter))]
public class PromptOptions
{
    /// <summary>Where a prompt keeps its options in its instance state (read back typed; see <see cref="DialogInstanceStateConverter"/>).</summary>
    internal const string StateKey = "promptOptions";

    /// <summary>The question sent when the prompt begins.</summary>
    [JsonProperty("prompt")]
    public Activity? Prompt { get; set; }

    /// <summary>Sent when the answer is not recognised or not valid; <see cref="Prompt"/> is used when absent.</summary>
    [JsonProperty("retryPrompt")]
    public Activity? RetryPrompt { get; set; }
}
