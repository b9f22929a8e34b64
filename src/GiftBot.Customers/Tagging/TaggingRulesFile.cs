using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GiftBot.Customers.Tagging;

/// <summary>
/// Reads the marketer's tagging.json into <see cref="TaggingOptions"/> at start-up. A malformed or unreadable file is
/// reported (with its line) by <see cref="TaggingOptionsValidator"/>, so start-up fails instead of silently tagging nothing.
/// </summary>
internal sealed class TaggingRulesFile(IConfiguration configuration) : IPostConfigureOptions<TaggingOptions>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public void PostConfigure(string? name, TaggingOptions options)
    {
        var explicitPath = !string.IsNullOrWhiteSpace(options.RulesFile);
        var relative = explicitPath
            ? options.RulesFile!
            : Path.Combine(configuration["Content:RootPath"] is { Length: > 0 } root ? root : "content", TaggingOptions.DefaultFileName);
        var path = Resolve(relative);
        if (path is null)
        {
            if (explicitPath)
            {
                options.LoadProblems.Add($"{TaggingOptions.SectionName}:{nameof(TaggingOptions.RulesFile)} \"{relative}\" was not found.");
            }

            return;
        }

        try
        {
            using var stream = File.OpenRead(path);
            var file = JsonSerializer.Deserialize<RulesDocument>(stream, Json) ?? new RulesDocument();
            for (var i = 0; i < file.Rules.Count; i++)
            {
                file.Rules[i].Origin = $"{path} rule {i + 1}";
                options.FileRules.Add(file.Rules[i]);
            }

            options.LoadedFrom = path;
        }
        catch (JsonException ex)
        {
            options.LoadProblems.Add($"{path} is not valid tagging JSON (line {(ex.LineNumber ?? 0) + 1}): {ex.Message}");
        }
        catch (IOException ex)
        {
            options.LoadProblems.Add($"{path} could not be read: {ex.Message}");
        }
    }

    private static string? Resolve(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return File.Exists(path) ? path : null;
        }

        return new[] { Path.Combine(AppContext.BaseDirectory, path), Path.Combine(Directory.GetCurrentDirectory(), path) }
            .FirstOrDefault(File.Exists);
    }

    private sealed class RulesDocument
    {
        public List<TaggingRule> Rules { get; set; } = [];
    }
}
