using System.Text.Json;

namespace GiftBot.Content;

/// <summary>Reads content JSON (comments and trailing commas allowed) and turns shape problems into <see cref="ContentLoadException"/>.</summary>
internal static class ContentJson
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static JsonDocument ParseFile(string file)
    {
        if (!System.IO.File.Exists(file)) throw new ContentLoadException(file, null, "is missing");
        try
        {
            return JsonDocument.Parse(System.IO.File.ReadAllText(file), Options);
        }
        catch (JsonException ex)
        {
            throw new ContentLoadException(file, null, $"is not valid JSON (line {ex.LineNumber + 1}: {ex.Message.Split(". ")[0]})");
        }
    }

    public static JsonElement RequireObject(JsonElement element, string file, string path)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new ContentLoadException(file, path, "must be an object");
        return element;
    }

    public static string? OptionalString(JsonElement obj, string name, string file, string path)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw new ContentLoadException(file, Join(path, name), "must be a string");
        return value.GetString();
    }

    public static string RequiredString(JsonElement obj, string name, string file, string path)
    {
        var value = OptionalString(obj, name, file, path);
        if (string.IsNullOrWhiteSpace(value)) throw new ContentLoadException(file, Join(path, name), "is required");
        return value;
    }

    public static IReadOnlyList<string> StringList(JsonElement obj, string name, string file, string path)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            throw new ContentLoadException(file, Join(path, name), "must be a list of strings");
        return value.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    /// <summary>
    /// An object of locale -> list of strings ({"en-US": [...], "fr-FR": [...]}), or a plain list for
    /// <paramref name="plainListLocale"/> when one is given; empty when absent.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> LocalizedLists(JsonElement obj, string name, string file, string path, string? plainListLocale = null)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return result;
        if (value.ValueKind == JsonValueKind.Array && plainListLocale is not null)
        {
            result[plainListLocale] = StringList(obj, name, file, path);
            return result;
        }
        if (value.ValueKind != JsonValueKind.Object)
            throw new ContentLoadException(file, Join(path, name), "must be an object of locale -> list of strings");
        foreach (var locale in value.EnumerateObject())
            result[LocaleFallback.Normalize(locale.Name)] = StringList(value, locale.Name, file, Join(path, name));
        return result;
    }

    /// <summary>A plain string (every locale) or an object of locale -> string.</summary>
    public static LocalizedText? OptionalLocalized(JsonElement obj, string name, string file, string path)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return ReadLocalized(value, file, Join(path, name));
    }

    public static LocalizedText ReadLocalized(JsonElement value, string file, string path)
    {
        if (value.ValueKind == JsonValueKind.String) return LocalizedText.ForAllLocales(value.GetString()!);
        if (value.ValueKind != JsonValueKind.Object)
            throw new ContentLoadException(file, path, "must be a string or an object of locale -> text");
        var texts = new List<KeyValuePair<string, string>>();
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
                throw new ContentLoadException(file, Join(path, property.Name), "must be a string");
            texts.Add(new(LocaleFallback.Normalize(property.Name), property.Value.GetString()!));
        }
        return LocalizedText.PerLocale(texts);
    }

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
