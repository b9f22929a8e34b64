using GiftBot.Customers.Context;
using Microsoft.Extensions.Options;

namespace GiftBot.Customers.Tagging;

/// <summary>
/// Rules that tag a person when the bot recognises an intent or answers an FAQ topic. Bound to the "Tagging" section
/// (inline <see cref="Rules"/>) plus the marketer's file (<see cref="RulesFile"/>, default tagging.json in the content folder).
/// </summary>
public sealed class TaggingOptions
{
    public const string SectionName = "Tagging";
    public const string DefaultFileName = "tagging.json";

    /// <summary>A rules file; relative paths resolve like the content folder (app folder, then working folder). Unset: {Content:RootPath}/tagging.json when it exists.</summary>
    public string? RulesFile { get; set; }

    public List<TaggingRule> Rules { get; set; } = [];

    /// <summary>Rules read from the file (filled at start-up).</summary>
    internal List<TaggingRule> FileRules { get; } = [];

    internal List<string> LoadProblems { get; } = [];

    internal string? LoadedFrom { get; set; }

    public IEnumerable<TaggingRule> AllRules => Rules.Concat(FileRules);
}

/// <summary>When <see cref="Intent"/> (e.g. "TalkToHuman") or <see cref="FaqTopic"/> (an FAQ entry id, e.g. "returns") matches, add <see cref="Tags"/>.</summary>
public sealed class TaggingRule
{
    public string? Intent { get; set; }

    public string? FaqTopic { get; set; }

    public List<string> Tags { get; set; } = [];

    /// <summary>Where the rule came from, for error messages ("Tagging:Rules:0", "content/tagging.json rule 2").</summary>
    internal string Origin { get; set; } = "";

    public bool Matches(string? intent, string? faqTopic) =>
        (Intent is not null && string.Equals(Intent, intent, StringComparison.OrdinalIgnoreCase))
        || (FaqTopic is not null && string.Equals(FaqTopic, faqTopic, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Fails start-up naming the rule (and file) that is wrong.</summary>
public sealed class TaggingOptionsValidator : IValidateOptions<TaggingOptions>
{
    public ValidateOptionsResult Validate(string? name, TaggingOptions options)
    {
        var failures = new List<string>(options.LoadProblems);
        for (var i = 0; i < options.Rules.Count; i++)
        {
            options.Rules[i].Origin = $"{TaggingOptions.SectionName}:{nameof(TaggingOptions.Rules)}:{i}";
        }

        foreach (var rule in options.AllRules)
        {
            var hasIntent = !string.IsNullOrWhiteSpace(rule.Intent);
            var hasFaq = !string.IsNullOrWhiteSpace(rule.FaqTopic);
            if (hasIntent == hasFaq)
            {
                failures.Add($"{rule.Origin}: give exactly one of \"intent\" or \"faqTopic\".");
            }

            if (rule.Tags.Count == 0)
            {
                failures.Add($"{rule.Origin}: \"tags\" must list at least one tag.");
            }

            foreach (var tag in rule.Tags.Where(t => CustomerTags.Normalize(t) is null))
            {
                failures.Add($"{rule.Origin}: \"{tag}\" is not a valid tag (1-{CustomerTags.MaxLength} characters, no control characters).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
