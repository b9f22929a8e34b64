using Microsoft.Extensions.Options;

namespace GiftBot.Customers.AgentApi;

/// <summary>The agents' JSON API. Bound to the "AgentApi" section. Without <see cref="ApiKey"/> the API refuses every request.</summary>
public sealed class AgentApiOptions
{
    public const string SectionName = "AgentApi";

    /// <summary>Shorter keys are refused at start-up: the key is the only thing between the internet and shoppers' cards.</summary>
    public const int MinApiKeyLength = 16;

    /// <summary>The shared secret agents' tools send as <c>X-Api-Key</c> or <c>Authorization: Bearer</c>. Use a long random value.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Largest request body accepted; bigger ones get 413.</summary>
    public int MaxBodyBytes { get; set; } = 16 * 1024;

    public int MaxPageSize { get; set; } = 100;

    /// <summary>
    /// UserState properties shown on the card: card name -> property name in the user's Bot Builder UserState document
    /// (matched ignoring case). Read as raw JSON, so this project does not depend on the conversations' types.
    /// </summary>
    public Dictionary<string, string> UserStateProperties { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["basket"] = "Basket",
        ["recipients"] = "RecipientProfiles",
    };
}

public sealed class AgentApiOptionsValidator : IValidateOptions<AgentApiOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentApiOptions options)
    {
        var failures = new List<string>();
        if (options.MaxBodyBytes is < 1024 or > 1024 * 1024)
        {
            failures.Add($"{AgentApiOptions.SectionName}:{nameof(AgentApiOptions.MaxBodyBytes)} must be between 1024 and 1048576.");
        }

        if (options.MaxPageSize is < 1 or > 1000)
        {
            failures.Add($"{AgentApiOptions.SectionName}:{nameof(AgentApiOptions.MaxPageSize)} must be between 1 and 1000.");
        }

        if (!string.IsNullOrEmpty(options.ApiKey) && options.ApiKey.Length < AgentApiOptions.MinApiKeyLength)
        {
            failures.Add($"{AgentApiOptions.SectionName}:{nameof(AgentApiOptions.ApiKey)} must be at least {AgentApiOptions.MinApiKeyLength} characters long (leave it empty to disable the API).");
        }

        if (options.ApiKey is { } key && key.Any(char.IsWhiteSpace))
        {
            failures.Add($"{AgentApiOptions.SectionName}:{nameof(AgentApiOptions.ApiKey)} must not contain spaces or line breaks (leave it empty to disable the API).");
        }

        foreach (var (cardName, property) in options.UserStateProperties.Where(p => string.IsNullOrWhiteSpace(p.Value)))
        {
            failures.Add($"{AgentApiOptions.SectionName}:{nameof(AgentApiOptions.UserStateProperties)}:{cardName} must name a UserState property.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
