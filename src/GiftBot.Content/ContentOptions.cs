namespace GiftBot.Content;

/// <summary>Where the marketer-editable content lives. Bound to the "Content" configuration section.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>
    /// Folder holding persona.json, page.json, faq.json, hours.json and text/. A relative path is looked up under the
    /// app's base directory first (content copied to the build output), then under the current directory (dotnet run).
    /// </summary>
    public string RootPath { get; set; } = "content";

    /// <summary>Only used when persona.json names no "defaultLocale" (the file is the marketer's source of truth).</summary>
    public string DefaultLocale { get; set; } = "en-US";
}
