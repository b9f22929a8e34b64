using System.Text.Json;

namespace GiftBot.Content;

/// <summary>Who the bot is in one locale: shown on Messenger (Personas API name and picture) and used for {{persona_name}}.</summary>
public sealed record PersonaIdentity(string Locale, string Name, string AvatarUrl, string Description, IReadOnlyList<string> DisclosurePhrases);

/// <summary>
/// content/persona.json: the persona's name, avatar and description per locale, the content's default locale, and the
/// phrases that disclose it is a virtual assistant (the welcome line must contain one). Its lines live in text/*/persona.json.
/// </summary>
public sealed class PersonaProfile
{
    public const string FileName = "persona.json";
    public const string DefaultWelcomeKey = "persona.welcome";

    private readonly Dictionary<string, PersonaIdentity> _byLocale;

    public PersonaProfile(string defaultLocale, string welcomeKey, IEnumerable<PersonaIdentity> identities)
    {
        DefaultLocale = LocaleFallback.Normalize(defaultLocale);
        WelcomeKey = welcomeKey;
        _byLocale = identities.ToDictionary(i => i.Locale, StringComparer.OrdinalIgnoreCase);
        if (!_byLocale.ContainsKey(DefaultLocale))
            throw new ArgumentException($"No persona for the default locale '{DefaultLocale}'.", nameof(identities));
    }

    public string DefaultLocale { get; }

    /// <summary>The text key of the welcome line that must disclose the virtual assistant.</summary>
    public string WelcomeKey { get; }

    public IReadOnlyCollection<string> Locales => _byLocale.Keys;
    public string Name => Default.Name;
    public string AvatarUrl => Default.AvatarUrl;
    public string Description => Default.Description;
    public PersonaIdentity Default => _byLocale[DefaultLocale];

    /// <summary>The persona as a shopper with <paramref name="locale"/> ("fr_CA", "fr-FR", null) sees it.</summary>
    public PersonaIdentity For(string? locale) => _byLocale[LocaleFallback.Resolve(locale, _byLocale.Keys, DefaultLocale)];

    /// <param name="fallbackLocale">Used when the file names no defaultLocale (ContentOptions.DefaultLocale).</param>
    public static PersonaProfile Load(string file, string fallbackLocale = "en-US")
    {
        using var doc = ContentJson.ParseFile(file);
        var root = ContentJson.RequireObject(doc.RootElement, file, "");
        var defaultLocale = LocaleFallback.Normalize(ContentJson.OptionalString(root, "defaultLocale", file, "") ?? fallbackLocale);
        var sharedAvatar = ContentJson.OptionalString(root, "avatarUrl", file, "");
        var welcomeKey = ContentJson.OptionalString(root, "welcomeKey", file, "") ?? DefaultWelcomeKey;
        if (!root.TryGetProperty("locales", out var locales) || locales.ValueKind != JsonValueKind.Object)
            throw new ContentLoadException(file, "locales", "is required: an object of locale -> {name, description, disclosure}");
        if (!locales.EnumerateObject().Any(p => LocaleFallback.Normalize(p.Name).Equals(defaultLocale, StringComparison.OrdinalIgnoreCase)))
            throw new ContentLoadException(file, $"locales.{defaultLocale}", "is required (it is the defaultLocale)");

        var defaults = ReadIdentity(locales.EnumerateObject().First(p => LocaleFallback.Normalize(p.Name)
            .Equals(defaultLocale, StringComparison.OrdinalIgnoreCase)), null, sharedAvatar, file);
        var identities = locales.EnumerateObject().Select(p => ReadIdentity(p, defaults, sharedAvatar, file)).ToList();
        return new PersonaProfile(defaultLocale, welcomeKey, identities);
    }

    // Fields missing in a non-default locale fall back to the default locale's.
    private static PersonaIdentity ReadIdentity(JsonProperty locale, PersonaIdentity? defaults, string? sharedAvatar, string file)
    {
        var path = $"locales.{locale.Name}";
        var obj = ContentJson.RequireObject(locale.Value, file, path);
        var name = ContentJson.OptionalString(obj, "name", file, path) ?? defaults?.Name;
        var avatar = ContentJson.OptionalString(obj, "avatarUrl", file, path) ?? sharedAvatar ?? defaults?.AvatarUrl;
        var description = ContentJson.OptionalString(obj, "description", file, path) ?? defaults?.Description;
        var disclosure = ContentJson.StringList(obj, "disclosure", file, path);
        if (string.IsNullOrWhiteSpace(name)) throw new ContentLoadException(file, $"{path}.name", "is required");
        if (string.IsNullOrWhiteSpace(avatar)) throw new ContentLoadException(file, "avatarUrl", "is required (an https URL of the persona's picture)");
        if (disclosure.Count == 0 && defaults is null)
            throw new ContentLoadException(file, $"{path}.disclosure", "is required: phrases such as \"virtual assistant\" that the welcome must contain");
        return new PersonaIdentity(LocaleFallback.Normalize(locale.Name), name, avatar, description ?? "",
            disclosure.Count > 0 ? disclosure : defaults!.DisclosurePhrases);
    }
}
