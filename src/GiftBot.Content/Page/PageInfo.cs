namespace GiftBot.Content;

/// <summary>
/// content/page.json: the Facebook Page's (the shop's) own details behind {{page_name}}, {{website}} and {{phone}}.
/// </summary>
public sealed class PageInfo(LocalizedText pageName, string website, string? phone, string defaultLocale)
{
    public const string FileName = "page.json";

    public LocalizedText PageNameText { get; } = pageName;
    public string Website { get; } = website;
    public string? Phone { get; } = phone;

    public string PageName(string? locale = null) => PageNameText.Get(locale, defaultLocale) ?? "";

    public static PageInfo Load(string file, string defaultLocale)
    {
        using var doc = ContentJson.ParseFile(file);
        var root = ContentJson.RequireObject(doc.RootElement, file, "");
        var name = ContentJson.OptionalLocalized(root, "pageName", file, "")
            ?? throw new ContentLoadException(file, "pageName", "is required");
        if (string.IsNullOrWhiteSpace(name.Get(defaultLocale, defaultLocale)))
            throw new ContentLoadException(file, "pageName", $"has no text for the default locale '{defaultLocale}'");
        var website = ContentJson.RequiredString(root, "website", file, ""); // URL rules: ContentChecker
        return new PageInfo(name, website, ContentJson.OptionalString(root, "phone", file, ""), defaultLocale);
    }
}
