using GiftBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Dialogs.Prompts;

/// <summary>
/// Asks for free text. A message without text (an image, a sticker, an attachment) or with only whitespace is not
/// an answer: it fails recognition and gets the retry prompt.
/// </summary>
public class TextPrompt : Prompt<string>
{
    public TextPrompt(string dialogId, PromptValidator<string>? validator = null)
        : base(dialogId, validator)
    {
    }

    protected override async Task OnPromptAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (SelectPrompt(options, isRetry) is { } prompt)
        {
            await turnContext.SendActivityAsync(prompt, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Type == ActivityTypes.Message ? turnContext.Activity.Text : null;
        var result = string.IsNullOrWhiteSpace(text)
            ? new PromptRecognizerResult<string>()
            : new PromptRecognizerResult<string> { Succeeded = true, Value = text.Trim() };
        return Task.FromResult(result);
    }
}
