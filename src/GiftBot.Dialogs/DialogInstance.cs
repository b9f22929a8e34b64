using Newtonsoft.Json;

namespace GiftBot.Dialogs;

/// <summary>
/// One entry of the dialog stack. <see cref="State"/> is persisted as plain JSON, so after a storage
/// round trip its values are JObject/JArray/long/double/string: dialogs convert them, never cast.
/// </summary>
public class DialogInstance
{
    [JsonProperty("id")]
    public string Id { get; set; } = string.Empty;

    [JsonProperty("state")]
    [JsonConverter(typeof(DialogInstanceStateConverter))]
    public IDictionary<string, object?> State { get; set; } = new Dictionary<string, object?>();

    /// <summary>The dialog's <see cref="Dialog.GetVersion"/> when it began; a mismatch later means the state is stale.</summary>
    [JsonProperty("version", NullValueHandling = NullValueHandling.Ignore)]
    public string? Version { get; set; }
}
