using Microsoft.Extensions.Options;

namespace GiftBot.Language;

/// <summary>Fails start-up with messages that name the configuration key to fix.</summary>
public sealed class LanguageOptionsValidator : IValidateOptions<LanguageOptions>
{
    public ValidateOptionsResult Validate(string? name, LanguageOptions options)
    {
        var errors = new List<string>();
        var section = LanguageOptions.SectionName;
        if (!string.Equals(options.Recognizer, LanguageOptions.EmbeddedRecognizer, StringComparison.OrdinalIgnoreCase) && !options.UsesClu)
            errors.Add($"{section}:Recognizer must be \"Embedded\" or \"Clu\" (was \"{options.Recognizer}\").");
        if (options.NoneThreshold is < 0 or > 0.95)
            errors.Add($"{section}:NoneThreshold must be between 0 and 0.95 (was {options.NoneThreshold}).");
        if (options.FaqMinSimilarity is <= 0 or > 1)
            errors.Add($"{section}:FaqMinSimilarity must be above 0 and at most 1 (was {options.FaqMinSimilarity}).");
        if (!string.IsNullOrWhiteSpace(options.UtterancesPath) && !File.Exists(options.UtterancesPath))
            errors.Add($"{section}:UtterancesPath points to a missing file: {options.UtterancesPath}.");
        if (!string.IsNullOrWhiteSpace(options.LexiconPath) && !File.Exists(options.LexiconPath))
            errors.Add($"{section}:LexiconPath points to a missing file: {options.LexiconPath}.");
        if (options.UsesClu) ValidateClu(options.Clu, $"{section}:Clu", errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateClu(CluOptions clu, string prefix, List<string> errors)
    {
        var required = $"is required when {LanguageOptions.SectionName}:Recognizer is Clu.";
        if (!Uri.TryCreate(clu.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http"))
            errors.Add($"{prefix}:Endpoint {required} It must be an absolute http(s) URL.");
        if (string.IsNullOrWhiteSpace(clu.Key)) errors.Add($"{prefix}:Key {required}");
        if (string.IsNullOrWhiteSpace(clu.ProjectName)) errors.Add($"{prefix}:ProjectName {required}");
        if (string.IsNullOrWhiteSpace(clu.DeploymentName)) errors.Add($"{prefix}:DeploymentName {required}");
        if (string.IsNullOrWhiteSpace(clu.ApiVersion)) errors.Add($"{prefix}:ApiVersion must not be empty.");
        if (clu.TimeoutSeconds is <= 0 or > 30) errors.Add($"{prefix}:TimeoutSeconds must be above 0 and at most 30 (was {clu.TimeoutSeconds}).");
    }
}
