using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using GiftBot.Catalog.Feed;

namespace GiftBot.Catalog.Themes;

/// <summary>Reads themes.csv (theme,display_name,synonyms with synonyms separated by '|').</summary>
public static class ThemeFileReader
{
    /// <summary>A missing file is not an error: themes then come from the feed alone, with derived display names.</summary>
    public static async Task<(IReadOnlyList<ThemeDefinition> Themes, IReadOnlyList<FeedRowError> Errors)> ReadFileAsync(
        string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            return ([], []);
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return await ReadAsync(reader, cancellationToken);
    }

    public static async Task<(IReadOnlyList<ThemeDefinition> Themes, IReadOnlyList<FeedRowError> Errors)> ReadAsync(
        TextReader file, CancellationToken cancellationToken)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = null,
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
        };
        using var csv = new CsvReader(file, config);
        if (!await csv.ReadAsync() || !csv.ReadHeader())
            return ([], []);
        if (csv.GetFieldIndex("theme", isTryGet: true) < 0)
            throw new FeedFormatException("The theme file's header must start with: theme,display_name,synonyms");

        var themes = new Dictionary<string, ThemeDefinition>(StringComparer.Ordinal);
        var errors = new List<FeedRowError>();
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = csv.Parser.RawRow;
            var name = ThemeNames.Normalize(csv.GetField("theme") ?? "");
            if (name.Length == 0)
            {
                errors.Add(new FeedRowError(line, null, "theme is missing"));
                continue;
            }
            if (themes.ContainsKey(name))
            {
                errors.Add(new FeedRowError(line, name, $"theme '{name}' is listed twice"));
                continue;
            }
            var display = csv.TryGetField<string>("display_name", out var d) && !string.IsNullOrWhiteSpace(d) ? d.Trim() : ThemeNames.DeriveDisplayName(name);
            var synonyms = ThemeNames.SplitList(csv.TryGetField<string>("synonyms", out var s) ? s : null);
            themes[name] = new ThemeDefinition(name, display, synonyms);
        }
        return (themes.Values.ToArray(), errors);
    }
}
