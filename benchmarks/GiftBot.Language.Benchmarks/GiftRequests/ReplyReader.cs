using System.Text.RegularExpressions;
using GiftBot.Content;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace GiftBot.Language.Benchmarks.GiftRequests;

/// <summary>Reads the bot's first reply as a shopper sees it: which question it asked, which note it gave, which products it showed.</summary>
internal sealed class ReplyReader(IBotText text)
{
    private static readonly string[] TokenNames =
        ["recipient", "age", "min", "max", "amount", "currency", "budget", "interest", "interests", "relaxed_budget", "title", "original", "count", "wish"];

    private readonly Dictionary<string, Regex> _templates = new(StringComparer.Ordinal);

    /// <summary>True when one of the messages is the line <paramref name="key"/> (tokens may hold anything).</summary>
    public bool Said(IEnumerable<Activity> messages, params string[] keys) =>
        messages.Any(m => m.Text is { } said && keys.Any(k => Template(k).IsMatch(said.Trim())));

    public static IReadOnlyList<string> ShownProductIds(IEnumerable<Activity> messages) =>
        messages.Where(m => m.AttachmentLayout == AttachmentLayoutTypes.Carousel)
            .SelectMany(m => m.Attachments ?? [])
            .Select(a => a.Content is JObject card ? card : JObject.FromObject(a.Content))
            .SelectMany(card => (card["buttons"] as JArray ?? []).Select(b => b.Value<string>("value")))
            .Where(v => v is not null && v.StartsWith("ADD_TO_BASKET:", StringComparison.Ordinal))
            .Select(v => v!["ADD_TO_BASKET:".Length..])
            .ToList();

    private Regex Template(string key)
    {
        if (_templates.TryGetValue(key, out var known)) return known;
        const string Marker = "\u0001";
        var line = text.Get(key, tokens: TokenNames.ToDictionary(t => t, _ => (string?)Marker));
        var pattern = "^" + string.Join(".*", line.Split(Marker).Select(Regex.Escape)) + "$";
        return _templates[key] = new Regex(pattern, RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}
