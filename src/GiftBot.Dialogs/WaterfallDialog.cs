using Microsoft.Bot.Schema;

namespace GiftBot.Dialogs;

/// <summary>
/// A dialog that runs a fixed sequence of steps; each step receives the previous step's (or child dialog's) result.
/// Instance state keys: "options", "values", "instanceId", "stepIndex" (all plain JSON).
/// </summary>
public class WaterfallDialog : Dialog
{
    internal const string OptionsKey = "options";
    internal const string ValuesKey = "values";
    internal const string InstanceIdKey = "instanceId";
    internal const string StepIndexKey = "stepIndex";

    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? actions = null)
        : base(dialogId)
    {
        _steps = actions?.ToList() ?? [];
    }

    public IReadOnlyList<WaterfallStep> Steps => _steps;

    /// <summary>"{Id}:{step count}": a stored waterfall with another step count cannot be resumed safely.</summary>
    public override string GetVersion() => $"{Id}:{_steps.Count}";

    public override async Task<DialogTurnResult> BeginDialogAsync(
        DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = options;
        state[ValuesKey] = new Dictionary<string, object?>();
        state[InstanceIdKey] = Guid.NewGuid().ToString();
        return await RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Only messages advance a waterfall; any other activity leaves it waiting.</summary>
    public override async Task<DialogTurnResult> ContinueDialogAsync(
        DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        return await ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken)
            .ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(
        DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var stored = dc.ActiveDialog!.State.TryGetValue(StepIndexKey, out var value) ? value : null;
        var index = StateConvert.To<int?>(stored, Id)
            ?? throw new DialogStateException($"Waterfall '{Id}' has no stored step index.", Id);
        if (index < 0 || index >= _steps.Count)
        {
            throw new DialogStateException($"Waterfall '{Id}' stored step {index} but has {_steps.Count} steps.", Id);
        }

        return await RunStepAsync(dc, index + 1, reason, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs one step; override to observe or wrap steps (logging, funnel events).</summary>
    protected virtual Task<DialogTurnResult> OnStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stepContext);
        return _steps[stepContext.Index](stepContext, cancellationToken);
    }

    internal async Task<DialogTurnResult> RunStepAsync(
        DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        var state = dc.ActiveDialog!.State;
        state[StepIndexKey] = index;
        var values = StateConvert.ToDictionary(state.TryGetValue(ValuesKey, out var stored) ? stored : null, Id);
        state[ValuesKey] = values;
        var options = state.TryGetValue(OptionsKey, out var storedOptions) ? storedOptions : null;
        var stepContext = new WaterfallStepContext(this, dc, options, values, index, reason, result);
        return await OnStepAsync(stepContext, cancellationToken).ConfigureAwait(false);
    }
}
