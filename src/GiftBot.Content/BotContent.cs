namespace GiftBot.Content;

/// <summary>
/// Everything under content/ that the bot speaks from, loaded together so that a problem in any file is found at
/// start-up: text, persona, the Page's details, FAQ and opening hours.
/// </summary>
public sealed class BotContent
{
    public const string TextFolder = "text";

    /// <summary>The persona lines every conversation relies on, plus the keys this library renders itself.</summary>
    public static readonly IReadOnlyList<string> RequiredTextKeys =
    [
        "persona.welcome", "persona.smallTalk", "persona.thanks", "persona.goodbye", "persona.notUnderstood",
        "persona.error", "persona.handover", "persona.away", "persona.awayHandover", "persona.handoverQueued", .. HoursText.RequiredKeys,
    ];

    private BotContent(string root, IReadOnlyList<TextFile> textFiles, BotText text, PersonaProfile persona, PageInfo page,
        FaqCatalog faq, OpeningHours hours)
    {
        RootPath = root;
        TextFiles = textFiles;
        Text = text;
        Persona = persona;
        Page = page;
        Faq = faq;
        Hours = hours;
        HoursText = new HoursText(hours, text, persona.DefaultLocale);
    }

    public string RootPath { get; }
    public IReadOnlyList<TextFile> TextFiles { get; }
    public BotText Text { get; }
    public PersonaProfile Persona { get; }
    public PageInfo Page { get; }
    public FaqCatalog Faq { get; }
    public OpeningHours Hours { get; }
    public HoursText HoursText { get; }
    public string DefaultLocale => Persona.DefaultLocale;

    /// <summary>The Page's token values in the default locale (for measuring lines as Messenger will show them).</summary>
    public IReadOnlyDictionary<string, string?> KnownTokenValues() => TokenContext.Empty
        .With(TokenNames.PageName, Page.PageName(DefaultLocale))
        .With(TokenNames.Website, Page.Website)
        .With(TokenNames.Phone, Page.Phone)
        .With(TokenNames.PersonaName, Persona.Name)
        .With(TokenNames.OpeningHours, HoursText.WeeklySummary(DefaultLocale));

    /// <summary>Loads every file; throws <see cref="ContentLoadException"/> naming the first file and key that cannot be used.</summary>
    public static BotContent Load(string root, string fallbackLocale = "en-US")
    {
        if (!Directory.Exists(root)) throw new ContentLoadException(root, null, "is not a folder (Content:RootPath)");
        var persona = PersonaProfile.Load(Path.Combine(root, PersonaProfile.FileName), fallbackLocale);
        var textFiles = TextFile.ReadAll(Path.Combine(root, TextFolder));
        var text = BotText.FromFiles(textFiles, persona.DefaultLocale);
        var missing = RequiredTextKeys.FirstOrDefault(key => !text.Entries(text.DefaultLocale).ContainsKey(key));
        if (missing is not null)
            throw new ContentLoadException(Path.Combine(root, TextFolder, persona.DefaultLocale), missing, "is missing (the bot needs this line)");
        return new BotContent(root, textFiles, text, persona,
            PageInfo.Load(Path.Combine(root, PageInfo.FileName), persona.DefaultLocale),
            FaqCatalog.Load(Path.Combine(root, FaqCatalog.FileName), persona.DefaultLocale),
            OpeningHoursLoader.Load(Path.Combine(root, OpeningHours.FileName)));
    }

    /// <summary>
    /// The content folder for a configured path: absolute as given; relative under the app's base directory, then under
    /// the current directory. Throws naming every place it looked.
    /// </summary>
    public static string ResolveRoot(string rootPath)
    {
        if (Path.IsPathRooted(rootPath)) return rootPath;
        string[] candidates = [Path.Combine(AppContext.BaseDirectory, rootPath), Path.Combine(Directory.GetCurrentDirectory(), rootPath)];
        return candidates.FirstOrDefault(Directory.Exists) is { } found ? Path.GetFullPath(found)
            : throw new ContentLoadException(rootPath, null, $"was not found (looked in {string.Join(" and ", candidates)}); set Content:RootPath");
    }
}
