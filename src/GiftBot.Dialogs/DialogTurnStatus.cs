namespace GiftBot.Dialogs;

/// <summary>The state of the dialog stack after a turn, as in Bot Framework.</summary>
public enum DialogTurnStatus
{
    /// <summary>The stack was empty: nothing handled the turn.</summary>
    Empty,

    /// <summary>The active dialog is waiting for the user's next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended; <see cref="DialogTurnResult.Result"/> holds its result.</summary>
    Complete,

    /// <summary>The stack was cancelled.</summary>
    Cancelled,

    /// <summary>The dialog completed and waits for more input before running again.</summary>
    CompleteAndWait,
}
