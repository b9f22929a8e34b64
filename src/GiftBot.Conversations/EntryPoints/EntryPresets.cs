using GiftBot.Content;
using GiftBot.Content.EntryPoints;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.EntryPoints;

/// <summary>
/// content/entry-points.json and the FAQ the presets point at, read once from the content root. A missing file means no
/// presets (every ref gets the normal welcome); a broken one fails loudly, as the content check would.
/// </summary>
public sealed class EntryPresets
{
    private readonly Lazy<EntryPointsContent> _content;
    private readonly Lazy<FaqCatalog?> _faq;

    public EntryPresets(IOptions<ContentOptions> options, ILogger<EntryPresets> logger, FaqCatalog? faq = null)
    {
        // Found where the rest of the content is (next to the app, then the working folder): `dotnet run --project
        // src/GiftBot` runs in the project's folder, which has no content/.
        var root = ResolveRoot(options.Value.RootPath);
        _content = new(() =>
        {
            var path = Path.Combine(root, EntryPointsLoader.FileName);
            if (File.Exists(path)) return EntryPointsLoader.Load(path);
            logger.LogWarning("No entry presets file at {Path}; every ref gets the normal welcome", path);
            return new EntryPointsContent();
        });
        _faq = new(() =>
        {
            if (faq is not null) return faq;
            var path = Path.Combine(root, FaqCatalog.FileName);
            return File.Exists(path) ? FaqCatalog.Load(path, options.Value.DefaultLocale) : null;
        });
    }

    private static string ResolveRoot(string rootPath)
    {
        try { return BotContent.ResolveRoot(rootPath); }
        catch (ContentLoadException) { return rootPath; } // no content folder at all: no presets, said when first read
    }

    public EntryPointsContent Content => _content.Value;
    public FaqCatalog? Faq => _faq.Value;

    public EntryPreset? Find(string? reference) => Content.Find(reference);
}
