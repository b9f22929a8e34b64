using System.Text.RegularExpressions;
using GiftBot.Catalog;
using GiftBot.Language;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.Tests.Infrastructure.Interim;

// TEMPORARY: stands in for the embedded recognizer until the language branch lands; deleted then.
public sealed partial class InterimRecognizer(IReadOnlyList<InterestTheme> themes) : IRecognizer
{
    private static readonly string[] Recipients = ["nephew", "niece", "partner", "friend", "colleague", "mother", "father", "myself", "child", "son", "daughter"];

    public Task<RecognizerResult> RecognizeAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.FromResult(Recognize(turnContext.Activity.Text ?? ""));

    public async Task<T> RecognizeAsync<T>(ITurnContext turnContext, CancellationToken cancellationToken) where T : IRecognizerConvert, new()
    {
        var t = new T();
        t.Convert(await RecognizeAsync(turnContext, cancellationToken));
        return t;
    }

    private RecognizerResult Recognize(string text)
    {
        var lower = text.ToLowerInvariant();
        var entities = new JObject();
        var age = Regex.Match(lower, @"(\d+)\s*(year|yo)|(?:he's|she's|he is|she is|aged)\s*(\d+)");
        if (age.Success)
        {
            var n = int.Parse(age.Groups[1].Success ? age.Groups[1].Value : age.Groups[3].Value);
            entities["age"] = new JArray(new JObject { ["min"] = n, ["max"] = n });
        }
        var budget = Regex.Match(lower, @"(?:max|under|up to)\s*\$?(\d+)\s*(dollars|euros)?");
        if (budget.Success)
            entities["budget"] = new JArray(new JObject { ["max"] = decimal.Parse(budget.Groups[1].Value), ["currency"] = budget.Groups[2].Value == "dollars" ? "USD" : budget.Groups[2].Value == "euros" ? "EUR" : null });
        var recipient = Recipients.FirstOrDefault(r => Regex.IsMatch(lower, $@"\b{r}\b"));
        if (recipient is not null) entities["recipient"] = new JArray(recipient);
        var interests = themes.Where(t => new[] { t.Name, t.DisplayName }.Concat(t.Synonyms).Any(s => Regex.IsMatch(lower, $@"\b{Regex.Escape(s.ToLowerInvariant())}\b"))).Select(t => t.Name).ToList();
        if (interests.Count > 0) entities["interest"] = new JArray(interests);

        var intent = lower switch
        {
            _ when lower.Contains("help") => GiftIntents.Help,
            _ when lower.Contains("cancel") || lower == "stop" => GiftIntents.Cancel,
            _ when lower.Contains("start over") => GiftIntents.StartOver,
            _ when lower.Contains("basket") => GiftIntents.ViewBasket,
            _ when lower.Contains("talk to") => GiftIntents.TalkToHuman,
            _ when lower.Contains("ship") => GiftIntents.Faq,
            _ when lower.StartsWith("actually") => GiftIntents.ChangeRecipient,
            _ when lower.Contains("cheaper") => GiftIntents.Cheaper,
            _ when lower is "hi" or "hello" => GiftIntents.Greeting,
            _ when lower.Contains("thank") => GiftIntents.Thanks,
            _ when entities.Count > 0 => GiftIntents.FindGift,
            _ => GiftIntents.None,
        };
        return new RecognizerResult { Text = text, Intents = new Dictionary<string, IntentScore> { [intent] = new() { Score = 0.9 } }, Entities = entities };
    }
}

public sealed class InterimSlotParser : ISlotParser
{
    public AgeRange? ParseAge(string text, string? locale = null)
    {
        var lower = text.ToLowerInvariant();
        if (lower.Contains("teen")) return new AgeRange(13, 17);
        var m = Regex.Match(lower, @"-?\d+");
        return m.Success ? new AgeRange(int.Parse(m.Value), int.Parse(m.Value)) : null;
    }

    public Budget? ParseBudget(string text, string? locale = null)
    {
        var lower = text.ToLowerInvariant();
        if (lower.Contains("no limit")) return new Budget(null, null, null, true);
        var between = Regex.Match(lower, @"between\s*(\d+)\s*and\s*(\d+)");
        if (between.Success) return new Budget(decimal.Parse(between.Groups[1].Value), decimal.Parse(between.Groups[2].Value), null);
        var m = Regex.Match(lower, @"-?\d+(\.\d+)?");
        return m.Success ? new Budget(null, decimal.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture), lower.Contains("dollar") ? "USD" : null) : null;
    }
}
