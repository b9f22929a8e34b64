using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace GiftBot.Dialogs.Prompts;

/// <summary>
/// Base of every prompt: asks, recognises the answer, validates it and either ends with the value or re-prompts.
/// Instance state keys: "promptOptions" (the <see cref="PromptOptions"/>; "options" in state stored before) and "state"
/// (holding "AttemptCount").
/// </summary>
public abstract class Prompt<T> : Dialog
{
    public const string AttemptCountKey = "AttemptCount";
    internal const string PersistedOptions = PromptOptions.StateKey;
    private const string LegacyPersistedOptions = "options";
    internal const string PersistedState = "state";

    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId)
    {
        _validator = validator;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(
        DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        // Options handed on from stored state (a waterfall's Options) may be a JObject: convert those too.
        var opt = options switch
        {
            PromptOptions typed => typed,
            JObject json when StateConvert.TryTo<PromptOptions>(json, out var converted) => converted!,
            _ => throw new ArgumentOutOfRangeException(nameof(options), "Prompts must be started with PromptOptions."),
        };

        ExpectInput(opt.Prompt);
        ExpectInput(opt.RetryPrompt);

        var state = dc.ActiveDialog!.State;
        state[PersistedOptions] = opt;
        var promptState = new Dictionary<string, object?> { [AttemptCountKey] = 0 };
        state[PersistedState] = promptState;

        await OnPromptAsync(dc.Context, promptState, opt, false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <summary>Only messages are answers: any other activity leaves the prompt waiting.</summary>
    public override async Task<DialogTurnResult> ContinueDialogAsync(
        DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var (options, state) = ReadState(dc.ActiveDialog!);
        var recognized = await OnRecognizeAsync(dc.Context, state, options, cancellationToken).ConfigureAwait(false)
            ?? new PromptRecognizerResult<T>();

        var attempts = StateConvert.TryTo<int>(state.TryGetValue(AttemptCountKey, out var count) ? count : 0, out var n) ? n : 0;
        state[AttemptCountKey] = attempts + 1;

        var isValid = false;
        var validatorReplied = false;
        if (_validator is not null)
        {
            // Whether the validator itself answered, not whether anything was said this turn: an away notice or an
            // instant reply sent earlier in the turn must not swallow the retry prompt.
            var validating = true;
            dc.Context.OnSendActivities(async (_, activities, next) =>
            {
                if (validating && activities.Any(a => a.Type == ActivityTypes.Message)) validatorReplied = true;
                return await next().ConfigureAwait(false);
            });
            var promptContext = new PromptValidatorContext<T>(dc.Context, recognized, state, options);
            try
            {
                isValid = await _validator(promptContext, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                validating = false;
            }
        }
        else if (recognized.Succeeded)
        {
            isValid = true;
        }

        if (isValid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        if (!validatorReplied)
        {
            await OnPromptAsync(dc.Context, state, options, true, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    /// <summary>A dialog started on top of the prompt ended: ask the question again and keep waiting.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(
        DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(
        ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var (options, state) = ReadState(instance);
        await OnPromptAsync(turnContext, state, options, false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the prompt (or, with <paramref name="isRetry"/>, the retry prompt).</summary>
    protected abstract Task OnPromptAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry,
        CancellationToken cancellationToken = default);

    /// <summary>Recognises the answer in the turn's activity; failure must be reported, never thrown.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options,
        CancellationToken cancellationToken = default);

    /// <summary>The prompt to send: the retry prompt on a retry when there is one, else the prompt.</summary>
    protected static Activity? SelectPrompt(PromptOptions options, bool isRetry)
    {
        ArgumentNullException.ThrowIfNull(options);
        return isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
    }

    // MessageFactory.Text defaults to acceptingInput; a question expects an answer, so only an explicit
    // ignoringInput is kept.
    private static void ExpectInput(Activity? activity)
    {
        if (activity is not null && activity.InputHint != InputHints.IgnoringInput)
        {
            activity.InputHint = InputHints.ExpectingInput;
        }
    }

    private (PromptOptions Options, Dictionary<string, object?> State) ReadState(DialogInstance instance)
    {
        var stored = instance.State.TryGetValue(PersistedOptions, out var value) ? value
            : instance.State.Remove(LegacyPersistedOptions, out var legacy) ? legacy : null;
        var options = StateConvert.To<PromptOptions>(stored, Id)
            ?? throw new DialogStateException($"Prompt '{Id}' has no stored options.", Id);
        var state = StateConvert.ToDictionary(instance.State.TryGetValue(PersistedState, out var s) ? s : null, Id);

        // Keeps the converted objects in the instance so changes (attempt count) are saved.
        instance.State[PersistedOptions] = options;
        instance.State[PersistedState] = state;
        return (options, state);
    }
}
