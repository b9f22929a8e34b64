namespace GiftBot.Content;

/// <summary>Checks the data files behind the persona and the Page: names, URLs, locales.</summary>
internal static class DataFileChecks
{
    public static void CheckPersona(PersonaProfile persona, IReadOnlyCollection<string>? textLocales, string file, Findings findings)
    {
        foreach (var locale in persona.Locales)
        {
            var identity = persona.For(locale);
            var path = $"locales.{locale}";
            if (identity.Name.Length > MessengerLimits.PersonaName)
                findings.Error(file, $"{path}.name", $"is {identity.Name.Length} characters; the Messenger Personas API allows {MessengerLimits.PersonaName}");
            if (!ContentUrl.IsHttpsUrl(identity.AvatarUrl))
                findings.Error(file, "avatarUrl", $"'{identity.AvatarUrl}' must be an absolute https URL (Messenger fetches the picture)");
            if (string.IsNullOrWhiteSpace(identity.Description))
                findings.Warning(file, $"{path}.description", "is empty: a short description helps agents and the Page's about text");
            if (textLocales is not null && !textLocales.Contains(locale, StringComparer.OrdinalIgnoreCase))
                findings.Add(locale.Equals(persona.DefaultLocale, StringComparison.OrdinalIgnoreCase) ? FindingSeverity.Error : FindingSeverity.Warning,
                    file, path, $"has no text folder {BotContent.TextFolder}/{locale}");
        }
    }

    public static void CheckPage(PageInfo page, string defaultLocale, string file, Findings findings)
    {
        if (!ContentUrl.IsWebUrl(page.Website)) findings.Error(file, "website", $"'{page.Website}' must be an absolute http(s) URL");
        if (page.Phone is { } phone && !phone.All(c => char.IsDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.'))
            findings.Warning(file, "phone", $"'{phone}' should contain only digits, spaces and + - ( ) so phones can dial it");
        foreach (var (locale, name) in page.PageNameText.All(defaultLocale).Where(n => string.IsNullOrWhiteSpace(n.Text)))
            findings.Error(file, $"pageName.{locale}", "is empty");
    }

    public static void CheckHours(OpeningHours hours, string file, Findings findings)
    {
        if (hours.Week.Values.All(i => i.Count == 0))
            findings.Warning(file, "week", "has no opening hours at all: every request for a person gets the away message");
        if (hours.ZoneLabel is null)
            findings.Info(file, "timeZoneLabel", "is not set: shoppers whose time zone is unknown see times without saying which zone");
    }
}
