using System.Text.Json;

namespace GiftBot.Content;

/// <summary>
/// One content/text/{locale}/{name}.json file: nested keys flattened with "." to a string or a list of alternatives.
/// Top-level properties starting with "$" are metadata, not text: "$tokens": ["recipient"] declares extra tokens
/// this file's lines may use (besides the standard ones, see <see cref="TokenNames"/>).
/// </summary>
public sealed record TextFile(string Locale, string Name, string Path, IReadOnlyDictionary<string, IReadOnlyList<string>> Entries,
    IReadOnlyList<string> DeclaredTokens)
{
    public const string TokensProperty = "$tokens";

    public static IReadOnlyList<TextFile> ReadAll(string textRoot)
    {
        if (!Directory.Exists(textRoot)) throw new ContentLoadException(textRoot, null, "is missing (expected one folder per locale)");
        var files = new List<TextFile>();
        foreach (var localeDir in Directory.GetDirectories(textRoot).Order(StringComparer.Ordinal))
            foreach (var file in Directory.GetFiles(localeDir, "*.json").Order(StringComparer.Ordinal))
                files.Add(Read(file, LocaleFallback.Normalize(System.IO.Path.GetFileName(localeDir))));
        return files;
    }

    public static TextFile Read(string file, string locale)
    {
        using var doc = ContentJson.ParseFile(file);
        ContentJson.RequireObject(doc.RootElement, file, "");
        var entries = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        IReadOnlyList<string> tokens = [];
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            if (property.Name == TokensProperty) tokens = ContentJson.StringList(doc.RootElement, TokensProperty, file, "");
            else if (!property.Name.StartsWith('$')) Flatten(property.Value, property.Name, entries, file);
        }
        return new TextFile(locale, System.IO.Path.GetFileNameWithoutExtension(file), file, entries, tokens);
    }

    private static void Flatten(JsonElement element, string key, Dictionary<string, IReadOnlyList<string>> entries, string file)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Flatten(property.Value, $"{key}.{property.Name}", entries, file);
                break;
            case JsonValueKind.String:
                Add(entries, key, [element.GetString()!], file);
                break;
            case JsonValueKind.Array when element.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                Add(entries, key, element.EnumerateArray().Select(e => e.GetString()!).ToList(), file);
                break;
            default:
                throw new ContentLoadException(file, key, "must be a string, a list of strings or an object");
        }
    }

    private static void Add(Dictionary<string, IReadOnlyList<string>> entries, string key, IReadOnlyList<string> value, string file)
    {
        if (value.Count == 0) throw new ContentLoadException(file, key, "has no text");
        if (!entries.TryAdd(key, value)) throw new ContentLoadException(file, key, "is defined twice");
    }
}
