using GiftBot.Messenger.Graph;
using GiftBot.Messenger.Webhook;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Commands;

/// <summary>
/// messenger profile [--content DIR] [--dry-run]: sets the Page's Get Started, greeting, ice breakers, persistent menu
/// (and whitelisted domains) from content/messenger-profile.json. Validates every limit first, compares with
/// GET /me/messenger_profile and sends only the fields that differ, so running it twice sends nothing the second time.
/// A dry run without Facebook settings still checks the file and shows every field it would send.
/// Exit codes: 0 done (or nothing to do), 1 Graph API failure, 2 invalid file or settings.
/// </summary>
public static class MessengerProfileCommand
{
    public const string FileName = "messenger-profile.json";

    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(args, CommandArguments.BuildConfiguration(args), output, cancellationToken);

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, CancellationToken cancellationToken)
    {
        var arguments = new CommandArguments(args, "dry-run");
        var path = arguments.Get("file") ?? Path.Combine(CommandArguments.ContentRoot(arguments, configuration), FileName);
        JObject desired;
        try { desired = MessengerJson.Parse(StripComments(await File.ReadAllTextAsync(path, cancellationToken))); }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"Cannot read {path}: {ex.Message}");
            return 2;
        }
        var problems = MessengerProfileValidator.Validate(desired);
        if (problems.Count > 0)
        {
            await output.WriteLineAsync($"{path} has {problems.Count} problem(s); nothing was sent:");
            foreach (var problem in problems) await output.WriteLineAsync($"  - {problem}");
            return 2;
        }
        if (string.IsNullOrWhiteSpace(configuration[$"{FacebookOptions.SectionName}:PageAccessToken"]))
        {
            if (!arguments.Has("dry-run"))
            {
                await output.WriteLineAsync("Facebook:PageAccessToken is not set (environment variable Facebook__PageAccessToken).");
                return 2;
            }
            // Without a token the Page's current profile cannot be read: show everything the file would set.
            foreach (var field in desired.Properties())
                await output.WriteLineAsync($"+ {field.Name}: {field.Value.ToString(Formatting.None)}");
            await output.WriteLineAsync($"Dry run: {path} is valid; {desired.Count} field(s) would be sent. "
                + "Facebook:PageAccessToken is not set, so the Page's current profile was not compared; nothing sent.");
            return 0;
        }

        await using var services = CommandArguments.GraphServices(configuration);
        var graph = services.GetRequiredService<GraphApiClient>();
        try
        {
            var fields = desired.Properties().Select(p => p.Name).ToList();
            var response = await graph.GetAsync("me/messenger_profile", new Dictionary<string, string> { ["fields"] = string.Join(",", fields) }, cancellationToken);
            var current = (response["data"] as JArray)?.FirstOrDefault() as JObject ?? [];
            var changed = new JObject();
            foreach (var field in fields)
            {
                if (current[field] is { } now && Contains(now, desired[field]!))
                {
                    await output.WriteLineAsync($"= {field}: unchanged");
                    continue;
                }
                changed[field] = desired[field]!.DeepClone();
                await output.WriteLineAsync($"~ {field}:");
                await output.WriteLineAsync($"    now:  {current[field]?.ToString(Formatting.None) ?? "(not set)"}");
                await output.WriteLineAsync($"    want: {desired[field]!.ToString(Formatting.None)}");
            }
            if (changed.Count == 0)
            {
                await output.WriteLineAsync("Messenger Profile is up to date; nothing sent.");
                return 0;
            }
            if (arguments.Has("dry-run"))
            {
                await output.WriteLineAsync($"Dry run: {changed.Count} field(s) would change; nothing sent.");
                return 0;
            }
            await graph.PostAsync("me/messenger_profile", changed, cancellationToken);
            await output.WriteLineAsync($"Updated {changed.Count} field(s): {string.Join(", ", changed.Properties().Select(p => p.Name))}.");
            return 0;
        }
        catch (GraphApiException ex)
        {
            await output.WriteLineAsync($"Graph API refused the request: code {ex.Code}{(ex.ErrorSubcode is null ? "" : $"/{ex.ErrorSubcode}")} ({ex.Kind}), fbtrace_id {ex.FbTraceId}: {ex.GraphMessage}");
            return 1;
        }
    }

    /// <summary>True when every value the file asks for is already set (Meta adds defaults such as composer_input_disabled: false).</summary>
    internal static bool Contains(JToken current, JToken desired) => (current, desired) switch
    {
        (JObject c, JObject d) => d.Properties().All(p => c[p.Name] is { } value ? Contains(value, p.Value) : IsDefault(p.Value)),
        (JArray c, JArray d) => c.Count == d.Count && c.Zip(d).All(pair => Contains(pair.First, pair.Second)),
        _ => JToken.DeepEquals(current, desired),
    };

    private static bool IsDefault(JToken value) => value.Type == JTokenType.Null || (value.Type == JTokenType.Boolean && !value.Value<bool>());

    private static string StripComments(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader, new JsonLoadSettings { CommentHandling = CommentHandling.Ignore }).ToString(Formatting.None);
    }
}
