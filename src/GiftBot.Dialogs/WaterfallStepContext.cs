namespace GiftBot.Dialogs;

/// <summary>
/// The context a waterfall step runs in. It shares the waterfall's stack, so steps call PromptAsync,
/// BeginDialogAsync, EndDialogAsync or ReplaceDialogAsync on it directly.
/// </summary>
/// <remarks>
/// <see cref="Options"/> and <see cref="Values"/> are persisted as plain JSON: on later turns an object comes
/// back as a JObject and a number as long or double. Read them with <see cref="GetOptions{T}"/> and
/// <see cref="GetValue{T}"/>, which convert, rather than casting.
/// </remarks>
public class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _parentWaterfall;
    private bool _nextCalled;

    internal WaterfallStepContext(
        WaterfallDialog parentWaterfall,
        DialogContext dc,
        object? options,
        IDictionary<string, object?> values,
        int index,
        DialogReason reason,
        object? result)
        : base(dc.Dialogs, dc.Context, new DialogState(dc.Stack))
    {
        _parentWaterfall = parentWaterfall;
        Parent = dc.Parent;
        Options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    /// <summary>Zero-based index of the running step.</summary>
    public int Index { get; }

    /// <summary>The options the waterfall was begun with (possibly a JObject on later turns; see <see cref="GetOptions{T}"/>).</summary>
    public object? Options { get; }

    public DialogReason Reason { get; }

    /// <summary>The previous step's NextAsync value, the ended child dialog's result, or the user's text.</summary>
    public object? Result { get; }

    /// <summary>Values kept for the life of this waterfall instance.</summary>
    public IDictionary<string, object?> Values { get; }

    /// <summary>The waterfall's options converted to <typeparamref name="T"/> (null when none were given).</summary>
    public T? GetOptions<T>() => StateConvert.To<T>(Options, _parentWaterfall.Id);

    /// <summary>A value from <see cref="Values"/> converted to <typeparamref name="T"/>; default when missing.</summary>
    public T? GetValue<T>(string key)
        => Values.TryGetValue(key, out var value) ? StateConvert.To<T>(value, _parentWaterfall.Id) : default;

    /// <summary>Reads a value from <see cref="Values"/>; false when it is missing or cannot be converted.</summary>
    public bool TryGetValue<T>(string key, out T? value)
    {
        value = default;
        return Values.TryGetValue(key, out var stored) && StateConvert.TryTo(stored, out value);
    }

    /// <summary>Skips to the next step with <paramref name="result"/> as its <see cref="Result"/>. Once per step.</summary>
    public async Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException(
                $"NextAsync was already called in step {Index} of waterfall '{_parentWaterfall.Id}'.");
        }

        _nextCalled = true;
        return await _parentWaterfall.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken)
            .ConfigureAwait(false);
    }
}
