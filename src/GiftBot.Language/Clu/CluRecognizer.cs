using System.Net.Http.Headers;
using System.Text;
using GiftBot.Language.Embedded;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Language.Clu;

/// <summary>
/// Azure AI Language CLU (analyze-conversations). A timeout, a non-2xx answer or a malformed body never fails the turn:
/// the embedded recognizer answers instead and a warning is logged (without the text or the key).
/// </summary>
public sealed class CluRecognizer(
    IHttpClientFactory httpClients, IOptions<LanguageOptions> options, EmbeddedRecognizer embedded, LanguageModelProvider models, ISlotParser slots, ILogger<CluRecognizer> logger)
    : IRecognizer
{
    /// <summary>The named HttpClient CLU requests use.</summary>
    public const string HttpClientName = "GiftBot.Clu";
    private const string TurnCacheKey = "GiftBot.Language.CluRecognizer.Result";

    private sealed record TurnResult(string Text, RecognizerResult Result);

    public async Task<RecognizerResult> RecognizeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var text = activity?.Type == ActivityTypes.Message ? activity.Text : null;
        if (string.IsNullOrWhiteSpace(text)) return await embedded.RecognizeTextAsync(text, cancellationToken).ConfigureAwait(false);
        // Dialogs may ask several times in one turn; CLU is called once.
        if (turnContext.TurnState.Get<TurnResult>(TurnCacheKey) is { } cached && cached.Text == text) return cached.Result;
        var result = await RecognizeTextAsync(text, activity!.Locale, cancellationToken).ConfigureAwait(false);
        turnContext.TurnState.Set(TurnCacheKey, new TurnResult(text, result));
        return result;
    }

    public async Task<T> RecognizeAsync<T>(ITurnContext turnContext, CancellationToken cancellationToken)
        where T : IRecognizerConvert, new()
    {
        var converted = new T();
        converted.Convert(await RecognizeAsync(turnContext, cancellationToken).ConfigureAwait(false));
        return converted;
    }

    public async Task<RecognizerResult> RecognizeTextAsync(string text, string? locale, CancellationToken cancellationToken)
    {
        var embeddedResult = await embedded.RecognizeTextAsync(text, cancellationToken).ConfigureAwait(false);
        var clu = options.Value.Clu;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(clu.TimeoutSeconds));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, CluRequest.Url(clu))
            {
                Content = new StringContent(CluRequest.Body(clu, text, locale).ToString(Formatting.None), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Ocp-Apim-Subscription-Key", clu.Key);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            var http = httpClients.CreateClient(HttpClientName);
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("CLU answered {StatusCode}; using the embedded recognizer", (int)response.StatusCode);
                return Fallback(embeddedResult, $"status {(int)response.StatusCode}");
            }
            var body = JObject.Parse(await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false));
            var model = await models.GetModelAsync(cancellationToken).ConfigureAwait(false);
            return CluResultMapper.Map(body, text, embeddedResult, slots, model);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("CLU did not answer within {TimeoutSeconds} s; using the embedded recognizer", clu.TimeoutSeconds);
            return Fallback(embeddedResult, "timeout");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or FormatException or InvalidCastException)
        {
            logger.LogWarning("CLU request failed ({ErrorType}); using the embedded recognizer", e.GetType().Name);
            return Fallback(embeddedResult, e.GetType().Name);
        }
    }

    private static RecognizerResult Fallback(RecognizerResult embeddedResult, string reason)
    {
        embeddedResult.Properties["cluFallback"] = reason;
        return embeddedResult;
    }
}
