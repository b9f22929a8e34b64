namespace GiftBot.Dialogs;

/// <summary>
/// The persisted dialog stack cannot be continued: it names a dialog that is not registered, it was written by
/// another version of a dialog, or its values cannot be converted. Hosts catch this to reset the conversation's
/// dialog state (with an apology) instead of failing every later turn.
/// </summary>
public class DialogStateException : Exception
{
    public DialogStateException(string message, string? dialogId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        DialogId = dialogId;
    }

    /// <summary>The dialog whose state could not be read, when known.</summary>
    public string? DialogId { get; }
}
