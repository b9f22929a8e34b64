using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Commands;

/// <summary>Checks content/messenger-profile.json (Meta's Messenger Profile body) against every documented limit before anything is sent.</summary>
public static partial class MessengerProfileValidator
{
    public static readonly string[] Fields = ["get_started", "greeting", "ice_breakers", "persistent_menu", "whitelisted_domains"];
    private static readonly HashSet<string> GreetingTokens = ["user_first_name", "user_last_name", "user_full_name"];

    [GeneratedRegex(@"\{\{\s*([^}]*?)\s*\}\}")]
    private static partial Regex TokenPattern();

    public static IReadOnlyList<string> Validate(JObject profile)
    {
        var problems = new List<string>();
        foreach (var property in profile.Properties().Where(p => !Fields.Contains(p.Name)))
            problems.Add($"{property.Name}: not a Messenger Profile field this command manages ({string.Join(", ", Fields)}).");

        if (profile["get_started"] is { } getStarted)
            CheckLength(problems, "get_started.payload", getStarted["payload"]?.ToString(), 1000);

        if (profile["greeting"] is { } greeting)
        {
            var entries = Localised(problems, "greeting", greeting);
            foreach (var (entry, locale) in entries)
            {
                var text = entry.Value<string>("text");
                CheckLength(problems, $"greeting[{locale}].text", text, 160);
                foreach (Match token in TokenPattern().Matches(text ?? ""))
                    if (!GreetingTokens.Contains(token.Groups[1].Value))
                        problems.Add($"greeting[{locale}].text: {token.Value} is not a Messenger placeholder (use {{{{user_first_name}}}}, {{{{user_last_name}}}} or {{{{user_full_name}}}}).");
            }
        }

        if (profile["ice_breakers"] is { } iceBreakers)
            foreach (var (entry, locale) in Localised(problems, "ice_breakers", iceBreakers))
            {
                var questions = entry["call_to_actions"] as JArray ?? [];
                if (questions.Count is < 1 or > 4) problems.Add($"ice_breakers[{locale}]: 1 to 4 questions allowed, found {questions.Count}.");
                foreach (var question in questions)
                {
                    CheckLength(problems, $"ice_breakers[{locale}].question", question.Value<string>("question"), 80);
                    CheckLength(problems, $"ice_breakers[{locale}].payload", question.Value<string>("payload"), 1000);
                }
            }

        if (profile["persistent_menu"] is { } menu)
        {
            if (profile["get_started"] is null) problems.Add("persistent_menu: requires get_started in the same file (Meta refuses a menu without a Get Started button).");
            foreach (var (entry, locale) in Localised(problems, "persistent_menu", menu))
            {
                var items = entry["call_to_actions"] as JArray ?? [];
                if (items.Count is < 1 or > 20) problems.Add($"persistent_menu[{locale}]: 1 to 20 items allowed, found {items.Count}.");
                foreach (var item in items) CheckMenuItem(problems, $"persistent_menu[{locale}]", item);
            }
        }

        if (profile["whitelisted_domains"] is { } domains)
        {
            var list = domains as JArray ?? [];
            if (list.Count > 50) problems.Add($"whitelisted_domains: at most 50, found {list.Count}.");
            foreach (var domain in list.Select(d => d.ToString()))
                if (!Uri.TryCreate(domain, UriKind.Absolute, out var uri) || uri.Scheme != "https")
                    problems.Add($"whitelisted_domains: '{domain}' must be an https URL.");
        }
        return problems;
    }

    private static List<(JObject Entry, string Locale)> Localised(List<string> problems, string field, JToken value)
    {
        var entries = (value as JArray ?? []).OfType<JObject>().Select(e => (e, e.Value<string>("locale") ?? "")).ToList();
        if (entries.Count == 0) problems.Add($"{field}: must be a non-empty list of per-locale entries.");
        else if (!entries.Any(e => e.Item2 == "default")) problems.Add($"{field}: a \"default\" locale is required.");
        foreach (var duplicate in entries.GroupBy(e => e.Item2).Where(g => g.Count() > 1))
            problems.Add($"{field}: locale \"{duplicate.Key}\" appears more than once.");
        return entries;
    }

    private static void CheckMenuItem(List<string> problems, string where, JToken item)
    {
        var title = item.Value<string>("title");
        CheckLength(problems, $"{where}.title", title, 30);
        switch (item.Value<string>("type"))
        {
            case "postback": CheckLength(problems, $"{where} '{title}'.payload", item.Value<string>("payload"), 1000); break;
            case "web_url":
                if (!Uri.TryCreate(item.Value<string>("url"), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
                    problems.Add($"{where} '{title}': web_url needs an absolute http(s) url.");
                break;
            default: problems.Add($"{where} '{title}': type must be postback or web_url."); break;
        }
    }

    private static void CheckLength(List<string> problems, string where, string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) problems.Add($"{where}: is required.");
        else if (text.Length > max) problems.Add($"{where}: {text.Length} characters, at most {max} allowed.");
    }
}
