using Microsoft.Extensions.Options;

namespace GiftBot.WebConsole;

/// <summary>The shop's web console at /console. Bound to the "Console" section; checked at start-up.</summary>
public sealed class WebConsoleOptions
{
    public const string SectionName = "Console";

    /// <summary>On by default; false removes every console route (the agent API stays).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Wrong passwords in a row before an account is locked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in lasts without activity (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Optional Microsoft Entra ID (OpenID Connect) sign-in beside passwords.</summary>
    public EntraIdOptions EntraId { get; set; } = new();
}

public sealed class EntraIdOptions
{
    public bool Enabled { get; set; }

    /// <summary>e.g. https://login.microsoftonline.com/{tenant}/v2.0</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Only these Entra ID users (their preferred_username or email) may sign in; empty lets every account of the tenant in.</summary>
    public List<string> AllowedUsers { get; set; } = [];
}

public sealed class WebConsoleOptionsValidator : IValidateOptions<WebConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, WebConsoleOptions options)
    {
        var failures = new List<string>();
        if (options.MaxFailedSignIns is < 1 or > 100)
            failures.Add($"{WebConsoleOptions.SectionName}:{nameof(options.MaxFailedSignIns)} must be from 1 to 100.");
        if (options.LockoutDuration <= TimeSpan.Zero)
            failures.Add($"{WebConsoleOptions.SectionName}:{nameof(options.LockoutDuration)} must be positive (e.g. \"00:15:00\").");
        if (options.SessionLifetime <= TimeSpan.Zero)
            failures.Add($"{WebConsoleOptions.SectionName}:{nameof(options.SessionLifetime)} must be positive (e.g. \"08:00:00\").");
        var entra = options.EntraId;
        if (entra.Enabled)
        {
            if (!Uri.TryCreate(entra.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
                failures.Add($"{WebConsoleOptions.SectionName}:EntraId:Authority must be an https URL (https://login.microsoftonline.com/<tenant>/v2.0).");
            if (string.IsNullOrWhiteSpace(entra.ClientId))
                failures.Add($"{WebConsoleOptions.SectionName}:EntraId:ClientId is required when EntraId:Enabled is true.");
            if (string.IsNullOrWhiteSpace(entra.ClientSecret))
                failures.Add($"{WebConsoleOptions.SectionName}:EntraId:ClientSecret is required when EntraId:Enabled is true.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
