using GiftBot.Content;
using GiftBot.Testing.BotFramework;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace GiftBot.Language.Benchmarks.GiftRequests;

/// <summary>
/// Sends each labelled question to the shop as a new shopper's first message through the real host and judges what the
/// shopper reads: the right FAQ answer, an honest "I don't know" with a person offered (for a question the FAQ has no
/// entry for, or one it is unsure of), another entry's answer (wrong), or something else (products, a gift-finder
/// question, "not understood"). A line with "toShop": false is a guard, a message not asked of the shop (a gift request,
/// small talk): it must not be answered from the FAQ nor with "don't know".
/// </summary>
internal static class ShopQuestionsEvaluation
{
    private const string Unanswered = "persona.faqUnanswered";

    // The day's-hours answer ("Sunday, December 13: we're closed.") answers a stores-and-hours question as well as
    // the entry does: the bot gives it instead of the entry when a day is named.
    private const string HoursTopic = "stores-and-hours";
    private static readonly string[] DayHoursKeys = ["hours.day.open", "hours.day.closed"];

    // An answer's tokens left as "{{" so that Prefix stops where the shopper's copy has a phone number or the hours.
    private static readonly Dictionary<string, string?> Unfilled =
        new[] { "page_name", "website", "phone", "opening_hours", "persona_name", "first_name", "back_at" }.ToDictionary(t => t, _ => (string?)"{{");

    public static async Task<int> RunAsync(string path, TextWriter output, bool showErrors)
    {
        var questions = File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(JObject.Parse).ToList();
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var host = new GiftFinderHost();
        var client = host.CreateClient();
        var content = host.Services.GetRequiredService<BotContent>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var q in questions)
        {
            var (id, text, locale, topic) = (q.Value<string>("id")!, q.Value<string>("text")!, q.Value<string>("locale") ?? "en-US", q.Value<string>("topic"));
            var toShop = q.Value<bool?>("toShop") ?? true;
            var conversation = "shop-" + id + "-" + Guid.NewGuid().ToString("N")[..6];
            var activity = EmulatorActivities.Message(connector.ServiceUrl, conversation, text, userId: "shopper-" + conversation);
            activity.Locale = locale;
            var response = await client.PostActivityAsync(activity);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{id}: /api/messages answered {(int)response.StatusCode}");
            var replies = connector.MessagesIn(conversation);
            var said = Said(replies).ToList();
            var answered = content.Faq.Entries
                .Where(e => content.Faq.AnswerFor(e, content.Text, locale, Unfilled) is { Length: > 0 } answer && said.Any(s => s.StartsWith(Prefix(answer, 40), StringComparison.Ordinal)))
                .Select(e => e.Id).FirstOrDefault();
            if (answered is null && topic == HoursTopic && DayHoursKeys.Any(k => content.Text.Has(k, locale) && said.Any(s => s.Contains(Literal(content.Text, k, locale), StringComparison.Ordinal))))
                answered = HoursTopic;
            var dontKnow = content.Text.Has(Unanswered, locale) && said.Any(s => s.StartsWith(Prefix(content.Text.Get(Unanswered, locale)), StringComparison.Ordinal));
            var outcome = !toShop
                ? (answered is null && !dontKnow ? "not answered as a shop question" : "answered as a shop question")
                : (topic, answered, dontKnow) switch
            {
                (_, { } a, _) when a == topic => "right answer",
                (null, null, true) => "honest don't know",
                (not null, null, true) => "don't know (an entry has it)",
                (_, not null, _) => "wrong answer",
                _ when replies.Any(r => r.AttachmentLayout == AttachmentLayoutTypes.Carousel) => "products",
                _ => "something else",
            };
            var group = !toShop ? "not to the shop" : topic is null ? "no entry" : "has entry";
            counts[$"{group}: {outcome}"] = counts.GetValueOrDefault($"{group}: {outcome}") + 1;
            if (showErrors && outcome is not ("right answer" or "honest don't know" or "not answered as a shop question"))
                lines.Add($"  {id} [{locale}] \"{text}\" (expected {(!toShop ? "not to the shop" : topic ?? "no entry")}): {outcome}{(answered is null ? "" : " " + answered)} | {string.Join(" | ", said.Take(2))}");
        }
        var guards = questions.Count(q => q.Value<bool?>("toShop") == false);
        output.WriteLine($"Shop questions ({Path.GetFileName(path)}, {questions.Count}: {questions.Count(q => q.Value<string>("topic") is null) - guards} without an FAQ entry, {guards} not to the shop)");
        foreach (var (outcome, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal)) output.WriteLine($"  {outcome}: {count}");
        foreach (var line in lines) output.WriteLine(line);
        return 0;
    }

    // The opening words say which line it is; tokens (phone, hours) are filled in when it is sent, so an answer such as
    // "You can write to us right here, call {{phone}}" is compared up to its first token.
    private static string Prefix(string line, int length = 30)
    {
        var opening = line.IndexOf("{{", StringComparison.Ordinal) is var token and >= 0 ? line[..token] : line;
        return opening[..Math.Min(length, opening.Length)];
    }

    // The longest run of words a line says between its tokens ("{{day}}: we're closed." -> ": we're closed."); each
    // token is filled with a marker, as an empty one would take the punctuation after it away.
    private static string Literal(BotText text, string key, string locale)
    {
        var marked = text.Get(key, locale, new[] { "day", "hours", "zone_label" }.ToDictionary(t => t, _ => (string?)"\u0001"));
        return marked.Split('\u0001').MaxBy(part => part.Length)!;
    }

    private static IEnumerable<string> Said(IEnumerable<Activity> replies) =>
        replies.SelectMany(r => (r.Attachments ?? []).Select(a => (a.Content as JObject)?.Value<string>("text")).Append(r.Text)).OfType<string>();
}
