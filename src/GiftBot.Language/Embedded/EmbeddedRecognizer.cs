using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Language.Embedded;

/// <summary>The default recognizer: runs in process with no cloud service (see <see cref="LanguageModel"/>).</summary>
public sealed class EmbeddedRecognizer(LanguageModelProvider provider) : IRecognizer
{
    public Task<RecognizerResult> RecognizeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var text = activity?.Type == ActivityTypes.Message ? activity.Text : null;
        return RecognizeTextAsync(text, cancellationToken);
    }

    public async Task<T> RecognizeAsync<T>(ITurnContext turnContext, CancellationToken cancellationToken)
        where T : IRecognizerConvert, new()
    {
        var converted = new T();
        converted.Convert(await RecognizeAsync(turnContext, cancellationToken).ConfigureAwait(false));
        return converted;
    }

    /// <summary>Recognizes plain text (used by the CLU fallback and the benchmark).</summary>
    public async Task<RecognizerResult> RecognizeTextAsync(string? text, CancellationToken cancellationToken)
    {
        var model = await provider.GetModelAsync(cancellationToken).ConfigureAwait(false);
        return model.Recognize(text);
    }
}
