using Microsoft.Bot.Builder;

namespace GiftBot.Dialogs;

/// <summary>
/// A dialog made of other dialogs, with its own inner stack persisted in the instance state under "dialogs".
/// Override <see cref="OnContinueDialogAsync"/> to handle interruptions (help, cancel) before the inner dialogs.
/// </summary>
public class ComponentDialog : Dialog
{
    /// <summary>Instance-state key of the persisted inner <see cref="DialogState"/>.</summary>
    public const string PersistedDialogState = "dialogs";

    public ComponentDialog(string? dialogId = null)
        : base(dialogId)
    {
    }

    /// <summary>The dialog started when the component begins; defaults to the first dialog added.</summary>
    public string? InitialDialogId { get; set; }

    /// <summary>The component's own dialogs.</summary>
    public DialogSet Dialogs { get; } = new();

    public ComponentDialog AddDialog(Dialog dialog)
    {
        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId);

    public override async Task<DialogTurnResult> BeginDialogAsync(
        DialogContext outerDc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        var instance = outerDc.ActiveDialog!;
        var innerState = new DialogState();
        instance.State[PersistedDialogState] = innerState;
        var innerDc = new DialogContext(Dialogs, outerDc, innerState);
        var turnResult = await OnBeginDialogAsync(innerDc, options, cancellationToken).ConfigureAwait(false);
        return await FinishTurnAsync(outerDc, instance, turnResult, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(
        DialogContext outerDc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        var instance = outerDc.ActiveDialog!;
        var innerDc = CreateChildContext(outerDc)!;
        var turnResult = await OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        return await FinishTurnAsync(outerDc, instance, turnResult, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Something pushed on the outer stack above this component ended: the component is not finished, so it
    /// asks its inner dialog to prompt again and keeps waiting.
    /// </summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(
        DialogContext outerDc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        await RepromptDialogAsync(outerDc.Context, outerDc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(
        ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var innerDc = new DialogContext(Dialogs, turnContext, ReadInnerState(instance));
        await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        await OnRepromptDialogAsync(turnContext, instance, cancellationToken).ConfigureAwait(false);
    }

    public override async Task EndDialogAsync(
        ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (reason == DialogReason.CancelCalled && TryCreateInnerContext(turnContext, instance) is { } innerDc)
        {
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }

        await OnEndDialogAsync(turnContext, instance, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A context over the inner stack of the component instance active on <paramref name="outerDc"/>.</summary>
    public DialogContext? CreateChildContext(DialogContext outerDc)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        return outerDc.ActiveDialog is { } instance
            ? new DialogContext(Dialogs, outerDc, ReadInnerState(instance))
            : null;
    }

    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(
        DialogContext innerDc, object? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        if (string.IsNullOrEmpty(InitialDialogId))
        {
            throw new InvalidOperationException($"Component '{Id}' has no dialogs: call AddDialog first.");
        }

        return innerDc.BeginDialogAsync(InitialDialogId, options, cancellationToken);
    }

    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(
        DialogContext innerDc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.ContinueDialogAsync(cancellationToken);
    }

    protected virtual Task OnEndDialogAsync(
        ITurnContext context, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        => Task.CompletedTask;

    protected virtual Task OnRepromptDialogAsync(
        ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
        => Task.CompletedTask;

    /// <summary>The inner stack finished (completed or cancelled): by default the component ends with its result.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(
        DialogContext outerDc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        return outerDc.EndDialogAsync(result, cancellationToken);
    }

    private async Task<DialogTurnResult> FinishTurnAsync(
        DialogContext outerDc, DialogInstance instance, DialogTurnResult innerResult, CancellationToken cancellationToken)
    {
        if (innerResult.Status == DialogTurnStatus.Waiting)
        {
            return EndOfTurn;
        }

        // The inner dialogs may already have ended or replaced this component on the outer stack
        // (CancelAllDialogsAsync(cancelParents: true)); then there is nothing left for it to end.
        if (!ReferenceEquals(outerDc.ActiveDialog, instance))
        {
            return innerResult;
        }

        return await EndComponentAsync(outerDc, innerResult.Result, cancellationToken).ConfigureAwait(false);
    }

    private DialogState ReadInnerState(DialogInstance instance)
    {
        instance.State ??= new Dictionary<string, object?>();
        var stored = instance.State.TryGetValue(PersistedDialogState, out var value) ? value : null;
        var state = StateConvert.To<DialogState>(stored, Id)
            ?? throw new DialogStateException($"Component '{Id}' has no stored inner dialog stack.", Id);
        state.DialogStack ??= [];

        // Keeps the converted object in the instance so this turn's changes are the ones saved.
        instance.State[PersistedDialogState] = state;
        return state;
    }

    // Cancelling must always succeed, so an unreadable inner stack is simply dropped with the component.
    private DialogContext? TryCreateInnerContext(ITurnContext turnContext, DialogInstance instance)
    {
        try
        {
            return new DialogContext(Dialogs, turnContext, ReadInnerState(instance));
        }
        catch (DialogStateException)
        {
            return null;
        }
    }
}
