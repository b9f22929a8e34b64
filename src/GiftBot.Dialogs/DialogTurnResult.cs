namespace GiftBot.Dialogs;

/// <summary>What a dialog operation did to the stack, and the result of a dialog that ended.</summary>
public class DialogTurnResult
{
    public DialogTurnResult(DialogTurnStatus status, object? result = null)
    {
        Status = status;
        Result = result;
    }

    public DialogTurnStatus Status { get; set; }

    public object? Result { get; set; }
}
