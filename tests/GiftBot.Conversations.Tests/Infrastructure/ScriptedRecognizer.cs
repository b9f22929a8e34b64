using GiftBot.Language;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.Tests.Infrastructure;

/// <summary>
/// A recognizer that answers given utterances with a fixed result and passes everything else to the real one;
/// only for tests that must force something specific (an intent the real model would not give for a short text).
/// </summary>
public sealed class ScriptedRecognizer : IRecognizer
{
    private readonly IRecognizer _fallback;
    private readonly Dictionary<string, RecognizerResult> _script = new(StringComparer.OrdinalIgnoreCase);

    public ScriptedRecognizer(IRecognizer fallback) => _fallback = fallback;

    public ScriptedRecognizer On(string text, string intent, JObject? entities = null)
    {
        _script[text] = new RecognizerResult
        {
            Text = text,
            Intents = new Dictionary<string, IntentScore> { [intent] = new() { Score = 0.99 } },
            Entities = entities ?? new JObject(),
        };
        return this;
    }

    public Task<RecognizerResult> RecognizeAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.Text is { } text && _script.TryGetValue(text, out var result)
            ? Task.FromResult(result)
            : _fallback.RecognizeAsync(turnContext, cancellationToken);

    public async Task<T> RecognizeAsync<T>(ITurnContext turnContext, CancellationToken cancellationToken) where T : IRecognizerConvert, new()
    {
        var result = new T();
        result.Convert(await RecognizeAsync(turnContext, cancellationToken));
        return result;
    }

    public static JObject Entities(AgeRange? age = null, string? recipient = null, params string[] interests)
    {
        var entities = new JObject();
        if (age is not null) entities[GiftEntities.Age] = new JArray(new JObject { ["min"] = age.Min, ["max"] = age.Max });
        if (recipient is not null) entities[GiftEntities.Recipient] = new JArray(recipient);
        if (interests.Length > 0) entities[GiftEntities.Interest] = new JArray(interests);
        return entities;
    }
}
