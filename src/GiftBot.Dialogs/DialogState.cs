using Newtonsoft.Json;

namespace GiftBot.Dialogs;

/// <summary>The persisted dialog stack; the top of the stack is index 0.</summary>
public class DialogState
{
    public DialogState()
        : this(null)
    {
    }

    public DialogState(List<DialogInstance>? stack)
    {
        DialogStack = stack ?? [];
    }

    [JsonProperty("dialogStack")]
    public List<DialogInstance> DialogStack { get; set; }
}
