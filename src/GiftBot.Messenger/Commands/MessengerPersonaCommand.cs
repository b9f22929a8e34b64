using GiftBot.Content;
using GiftBot.Messenger.Graph;
using GiftBot.Messenger.Personas;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Commands;

/// <summary>
/// messenger persona [--content DIR] [--dry-run]: registers the persona of content/persona.json (default locale's name and avatar)
/// with the Personas API (POST /{page-id}/personas) and stores its id with a fingerprint of name and picture in the bot's
/// store, where the Send API path finds it. Meta's personas cannot be edited, so a new one is created only when the name
/// or picture changed; a second run with the same content sends nothing. Exit codes: 0 done, 1 Graph API failure, 2 bad input.
/// </summary>
public static class MessengerPersonaCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(args, CommandArguments.BuildConfiguration(args), output, cancellationToken);

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, CancellationToken cancellationToken)
    {
        var arguments = new CommandArguments(args, "dry-run");
        var path = arguments.Get("file") ?? Path.Combine(CommandArguments.ContentRoot(arguments, configuration), PersonaProfile.FileName);
        PersonaIdentity persona;
        try { persona = PersonaProfile.Load(path).Default; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ContentLoadException or ArgumentException)
        {
            await output.WriteLineAsync($"Cannot read {path}: {ex.Message}");
            return 2;
        }
        if (!Uri.TryCreate(persona.AvatarUrl, UriKind.Absolute, out var picture) || picture.Scheme != Uri.UriSchemeHttps)
        {
            await output.WriteLineAsync($"{path}: avatarUrl must be an https URL Meta can download (got \"{persona.AvatarUrl}\").");
            return 2;
        }
        var pageId = configuration[$"{FacebookOptions.SectionName}:PageId"];
        if (string.IsNullOrWhiteSpace(pageId) && arguments.Has("dry-run"))
        {
            await output.WriteLineAsync($"Would create persona \"{persona.Name}\" with picture {persona.AvatarUrl} (dry run: nothing sent). "
                + "Facebook:PageId is not set, so the persona already registered for the Page was not checked.");
            return 0;
        }
        if (string.IsNullOrWhiteSpace(pageId))
        {
            await output.WriteLineAsync("Facebook:PageId is not configured (the persona belongs to a Page).");
            return 2;
        }

        await using var services = CommandArguments.GraphServices(configuration, s => s.AddStorage(configuration).AddSingleton<PersonaStore>());
        foreach (var hosted in services.GetServices<IHostedService>()) await hosted.StartAsync(cancellationToken);
        var store = services.GetRequiredService<PersonaStore>();
        var fingerprint = PersonaRecord.FingerprintOf(persona.Name, persona.AvatarUrl);
        var existing = await store.GetAsync(pageId, cancellationToken);
        if (existing?.Fingerprint == fingerprint)
        {
            await output.WriteLineAsync($"Persona \"{persona.Name}\" is already registered (id {existing.Id}); nothing to do.");
            return 0;
        }
        var verb = existing is null ? "create" : "re-create (name or picture changed)";
        if (arguments.Has("dry-run"))
        {
            await output.WriteLineAsync($"Would {verb} persona \"{persona.Name}\" with picture {persona.AvatarUrl} (dry run: nothing sent).");
            return 0;
        }

        try
        {
            var body = new JObject { ["name"] = persona.Name, ["profile_picture_url"] = persona.AvatarUrl };
            var response = await services.GetRequiredService<GraphApiClient>().PostAsync($"{pageId}/personas", body, cancellationToken);
            var id = response["id"]?.ToString();
            if (string.IsNullOrEmpty(id))
            {
                await output.WriteLineAsync("The Personas API answered without an id; nothing stored.");
                return 1;
            }
            await store.SaveAsync(pageId, new PersonaRecord(id, fingerprint, persona.Name, persona.AvatarUrl, DateTimeOffset.UtcNow), cancellationToken);
            await output.WriteLineAsync($"Persona \"{persona.Name}\" registered: id {id} (stored; every message now carries it).");
            return 0;
        }
        catch (GraphApiException ex)
        {
            await output.WriteLineAsync($"The Personas API refused the request: {ex.Message} (HTTP {ex.HttpStatus}, code {ex.Code}).");
            return 1;
        }
    }
}
