using Microsoft.Bot.Builder;

namespace GiftBot.Dialogs.Prompts;

/// <summary>What a <see cref="PromptValidator{T}"/> sees: the turn, the recognition, the prompt's options and state.</summary>
public class PromptValidatorContext<T>
{
    public PromptValidatorContext(
        ITurnContext turnContext, PromptRecognizerResult<T> recognized, IDictionary<string, object?> state, PromptOptions options)
    {
        Context = turnContext;
        Recognized = recognized;
        State = state;
        Options = options;
    }

    public ITurnContext Context { get; }

    public PromptRecognizerResult<T> Recognized { get; }

    public PromptOptions Options { get; }

    /// <summary>The prompt's persisted state (plain JSON values).</summary>
    public IDictionary<string, object?> State { get; }

    /// <summary>How many answers the user has given to this prompt, this one included (1 on the first answer).</summary>
    public int AttemptCount
        => State.TryGetValue(Prompt<T>.AttemptCountKey, out var value) && StateConvert.TryTo<int>(value, out var count)
            ? count
            : 0;
}
