using GiftBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;

namespace GiftBot.Dialogs;

/// <summary>Drives one dialog stack for one turn: begin, continue, end, replace, cancel and reprompt dialogs.</summary>
public class DialogContext
{
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state)
    {
        Dialogs = dialogs ?? throw new ArgumentNullException(nameof(dialogs));
        Context = turnContext ?? throw new ArgumentNullException(nameof(turnContext));
        ArgumentNullException.ThrowIfNull(state);
        state.DialogStack ??= [];
        if (state.DialogStack.Any(instance => instance is null))
        {
            throw new DialogStateException("The dialog stack holds an empty entry.");
        }

        Stack = state.DialogStack;
    }

    /// <summary>A context for a container's inner stack; dialogs not found in <paramref name="dialogs"/> are looked up in the parent.</summary>
    public DialogContext(DialogSet dialogs, DialogContext parentDialogContext, DialogState state)
        : this(dialogs, parentDialogContext?.Context ?? throw new ArgumentNullException(nameof(parentDialogContext)), state)
    {
        Parent = parentDialogContext;
    }

    public DialogSet Dialogs { get; }

    public ITurnContext Context { get; }

    /// <summary>The dialog stack; the top (active dialog) is index 0.</summary>
    public List<DialogInstance> Stack { get; }

    /// <summary>The context of the container that owns this stack, or null for the root stack.</summary>
    public DialogContext? Parent { get; set; }

    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    /// <summary>The inner context of the active dialog when it is a <see cref="ComponentDialog"/>.</summary>
    public DialogContext? Child
        => ActiveDialog is { } instance && FindDialog(instance.Id) is ComponentDialog container
            ? container.CreateChildContext(this)
            : null;

    /// <summary>Finds a dialog in this set or, failing that, in the parents' sets.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    /// <summary>Pushes a new instance of dialog <paramref name="dialogId"/> and starts it.</summary>
    public async Task<DialogTurnResult> BeginDialogAsync(
        string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(dialogId))
        {
            throw new ArgumentNullException(nameof(dialogId));
        }

        var dialog = FindDialog(dialogId)
            ?? throw new ArgumentException($"Dialog '{dialogId}' was not found in the set or its parents.", nameof(dialogId));
        var instance = new DialogInstance
        {
            Id = dialogId,
            State = new Dictionary<string, object?>(),
            Version = dialog.GetVersion(),
        };
        Stack.Insert(0, instance);
        return await dialog.BeginDialogAsync(this, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a prompt; same as <see cref="BeginDialogAsync"/> with required <see cref="PromptOptions"/>.</summary>
    public Task<DialogTurnResult> PromptAsync(
        string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Passes the user's activity to the active dialog; <see cref="DialogTurnStatus.Empty"/> when there is none.</summary>
    /// <exception cref="DialogStateException">The stack cannot be continued (unknown dialog, stale version, unreadable state).</exception>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        var dialog = FindActiveDialogOrThrow();
        return await dialog.ContinueDialogAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the active dialog and resumes its parent with <paramref name="result"/>, or completes the stack.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken).ConfigureAwait(false);
        if (ActiveDialog is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        var parent = FindActiveDialogOrThrow();
        return await parent.ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the active dialog without resuming its parent and starts <paramref name="dialogId"/> in its place.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(
        string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken).ConfigureAwait(false);
        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels every dialog on this stack.</summary>
    public Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
        => CancelAllDialogsAsync(false, cancellationToken);

    /// <summary>Cancels every dialog on this stack and, with <paramref name="cancelParents"/>, on the parents' stacks.</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(bool cancelParents, CancellationToken cancellationToken = default)
    {
        var hadDialogs = Stack.Count > 0;
        while (Stack.Count > 0)
        {
            await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
        }

        if (cancelParents && Parent is not null)
        {
            var parentResult = await Parent.CancelAllDialogsAsync(true, cancellationToken).ConfigureAwait(false);
            hadDialogs |= parentResult.Status == DialogTurnStatus.Cancelled;
        }

        return new DialogTurnResult(hadDialogs ? DialogTurnStatus.Cancelled : DialogTurnStatus.Empty);
    }

    /// <summary>Asks the active dialog to prompt the user again.</summary>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } instance)
        {
            return;
        }

        var dialog = FindActiveDialogOrThrow();
        await dialog.RepromptDialogAsync(Context, instance, cancellationToken).ConfigureAwait(false);
    }

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } instance)
        {
            return;
        }

        // An instance whose dialog no longer exists is simply dropped, so cancelling always clears the stack.
        if (instance.Id is not null && FindDialog(instance.Id) is { } dialog)
        {
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken).ConfigureAwait(false);
        }

        Stack.RemoveAt(0);
    }

    private Dialog FindActiveDialogOrThrow()
    {
        var instance = ActiveDialog!;
        if (instance is null || string.IsNullOrEmpty(instance.Id))
        {
            throw new DialogStateException("The dialog stack holds an entry without a dialog id.");
        }

        var dialog = FindDialog(instance.Id)
            ?? throw new DialogStateException($"The dialog stack names dialog '{instance.Id}', which is not registered.", instance.Id);
        var version = dialog.GetVersion();
        if (instance.Version is not null && instance.Version != version)
        {
            throw new DialogStateException(
                $"Dialog '{instance.Id}' was stored as version '{instance.Version}' but is now '{version}'.", instance.Id);
        }

        instance.State ??= new Dictionary<string, object?>();
        return dialog;
    }
}
