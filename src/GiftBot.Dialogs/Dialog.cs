using Microsoft.Bot.Builder;

namespace GiftBot.Dialogs;

/// <summary>Base class of every dialog: a unit of conversation that lives on the dialog stack.</summary>
public abstract class Dialog
{
    /// <summary>Returned by a dialog that waits for the user's next message.</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    protected Dialog(string? dialogId = null)
    {
        Id = string.IsNullOrWhiteSpace(dialogId) ? GetType().Name : dialogId;
    }

    /// <summary>Unique id of the dialog within its set (usually <c>nameof(MyDialog)</c>).</summary>
    public string Id { get; set; }

    /// <summary>Starts the dialog; it was just pushed onto the stack as <see cref="DialogContext.ActiveDialog"/>.</summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(
        DialogContext dc, object? options = null, CancellationToken cancellationToken = default);

    /// <summary>The user sent a message while this dialog is active. By default the dialog ends.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(
        DialogContext dc, CancellationToken cancellationToken = default)
        => dc.EndDialogAsync(null, cancellationToken);

    /// <summary>A child dialog this dialog started has ended with <paramref name="result"/>. By default the dialog ends with it.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(
        DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
        => dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Asks the user again for what the dialog is waiting for.</summary>
    public virtual Task RepromptDialogAsync(
        ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
        => Task.CompletedTask;

    /// <summary>The dialog is leaving the stack (ended, replaced or cancelled).</summary>
    public virtual Task EndDialogAsync(
        ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        => Task.CompletedTask;

    /// <summary>
    /// A string that changes when the dialog's shape changes in a way that makes persisted state unreadable
    /// (for a waterfall, its step count). Stored on each <see cref="DialogInstance"/> when the dialog begins.
    /// </summary>
    public virtual string GetVersion() => Id;
}
