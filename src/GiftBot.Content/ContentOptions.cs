namespace GiftBot.Content;

/// <summary>Where the marketer-editable content lives. Bound to the "Content" configuration section.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>Folder holding persona.json, text/, faq.json, hours.json, ... Relative paths resolve against the app's base directory.</summary>
    public string RootPath { get; set; } = "content";

    public string DefaultLocale { get; set; } = "en-US";
}
