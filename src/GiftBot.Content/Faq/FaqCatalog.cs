using System.Text.Json;
using System.Text.RegularExpressions;

namespace GiftBot.Content;

/// <summary>
/// content/faq.json: {"entries": [{id, question, phrasings, answer | answerKey, imageUrl?, buttons[], tags[], reference?}]}.
/// Texts are a plain string or {locale: text}; a new entry needs no code change. Quality rules (answers present,
/// at most 3 buttons, valid URLs, unique ids) are reported by <see cref="ContentChecker"/>, not by the loader.
/// </summary>
public sealed class FaqCatalog(IReadOnlyList<FaqEntry> entries, string defaultLocale)
{
    public const string FileName = "faq.json";

    public IReadOnlyList<FaqEntry> Entries { get; } = entries;
    public string DefaultLocale { get; } = defaultLocale;

    public FaqEntry? Find(string id) => Entries.FirstOrDefault(e => e.Id.Equals(id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The entry's answer in <paramref name="locale"/> with tokens resolved; null when it has none.</summary>
    public string? AnswerFor(FaqEntry entry, IBotText text, string? locale, IReadOnlyDictionary<string, string?>? tokens = null) =>
        entry.Answer?.Resolve(text, locale, DefaultLocale, tokens);

    public static FaqCatalog Load(string file, string defaultLocale)
    {
        using var doc = ContentJson.ParseFile(file);
        var root = ContentJson.RequireObject(doc.RootElement, file, "");
        if (!root.TryGetProperty("entries", out var list) || list.ValueKind != JsonValueKind.Array)
            throw new ContentLoadException(file, "entries", "is required: a list of questions and answers");
        var entries = list.EnumerateArray().Select((e, i) => ReadEntry(e, $"entries[{i}]", file, defaultLocale)).ToList();
        return new FaqCatalog(entries, defaultLocale);
    }

    private static FaqEntry ReadEntry(JsonElement element, string path, string file, string defaultLocale)
    {
        var obj = ContentJson.RequireObject(element, file, path);
        var id = ContentJson.RequiredString(obj, "id", file, path);
        var question = ContentJson.OptionalLocalized(obj, "question", file, path)
            ?? throw new ContentLoadException(file, $"{path}.question", "is required");
        var buttons = obj.TryGetProperty("buttons", out var b) && b.ValueKind == JsonValueKind.Array
            ? b.EnumerateArray().Select((x, i) => ReadButton(x, $"{path}.buttons[{i}]", file)).ToList()
            : [];
        return new FaqEntry(id, question, ContentJson.LocalizedLists(obj, "phrasings", file, path, plainListLocale: defaultLocale), ReadTextRef(obj, "answer", path, file),
            ContentJson.OptionalString(obj, "imageUrl", file, path), buttons, ContentJson.StringList(obj, "tags", file, path),
            ReadReference(obj, path, file));
    }

    // "reference": {"pattern": "<regular expression>", "noted": text | {locale: text}, "note": text | {locale: text}}
    private static FaqReference? ReadReference(JsonElement obj, string path, string file)
    {
        if (!obj.TryGetProperty("reference", out var element)) return null;
        var at = $"{path}.reference";
        var reference = ContentJson.RequireObject(element, file, at);
        var pattern = ContentJson.RequiredString(reference, "pattern", file, at);
        Regex regex;
        try { regex = FaqReference.Compile(pattern); }
        catch (ArgumentException ex) { throw new ContentLoadException(file, $"{at}.pattern", $"is not a valid regular expression: {ex.Message}"); }
        var noted = ContentJson.OptionalLocalized(reference, "noted", file, at)
            ?? throw new ContentLoadException(file, $"{at}.noted", "is required: what the shopper is told when they give it");
        var note = ContentJson.OptionalLocalized(reference, "note", file, at)
            ?? throw new ContentLoadException(file, $"{at}.note", "is required: the note the team reads on the customer card");
        return new FaqReference(regex, noted, note);
    }

    private static FaqButton ReadButton(JsonElement element, string path, string file)
    {
        var obj = ContentJson.RequireObject(element, file, path);
        var title = ReadTextRef(obj, "title", path, file) ?? throw new ContentLoadException(file, $"{path}.title", "is required");
        return new FaqButton(title, ContentJson.OptionalString(obj, "url", file, path), ContentJson.OptionalString(obj, "payload", file, path));
    }

    // "answer": text | {locale: text}, or "answerKey": "faq.returns.answer" (a key in content/text).
    private static TextRef? ReadTextRef(JsonElement obj, string name, string path, string file)
    {
        var key = ContentJson.OptionalString(obj, name + "Key", file, path);
        if (key is not null) return TextRef.FromKey(key);
        var inline = ContentJson.OptionalLocalized(obj, name, file, path);
        return inline is null ? null : TextRef.FromInline(inline);
    }
}
