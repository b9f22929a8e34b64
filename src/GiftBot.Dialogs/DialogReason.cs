namespace GiftBot.Dialogs;

/// <summary>Why a dialog is being begun, resumed or ended.</summary>
public enum DialogReason
{
    /// <summary>The dialog was started with BeginDialogAsync.</summary>
    BeginCalled,

    /// <summary>The dialog is continued by ContinueDialogAsync with the user's message.</summary>
    ContinueCalled,

    /// <summary>The dialog (or the child it resumes from) ended with EndDialogAsync.</summary>
    EndCalled,

    /// <summary>The dialog is replaced by ReplaceDialogAsync.</summary>
    ReplaceCalled,

    /// <summary>The dialog is cancelled by CancelAllDialogsAsync.</summary>
    CancelCalled,

    /// <summary>A waterfall step called NextAsync.</summary>
    NextCalled,
}
