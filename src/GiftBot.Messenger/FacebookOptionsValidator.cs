using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace GiftBot.Messenger;

/// <summary>Start-up validation of <see cref="FacebookOptions"/>; only enforced when the channel is enabled, naming the missing key.</summary>
public sealed partial class FacebookOptionsValidator : IValidateOptions<FacebookOptions>
{
    [GeneratedRegex(@"^v\d+\.\d+$")]
    private static partial Regex VersionPattern();

    public ValidateOptionsResult Validate(string? name, FacebookOptions options)
    {
        if (!options.IsEnabled) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        void Require(string? value, string key)
        {
            if (string.IsNullOrWhiteSpace(value)) failures.Add($"{FacebookOptions.SectionName}:{key} is required when the Facebook channel is enabled.");
        }
        Require(options.AppSecret, nameof(options.AppSecret));
        Require(options.PageAccessToken, nameof(options.PageAccessToken));
        Require(options.VerifyToken, nameof(options.VerifyToken));
        failures.AddRange(GraphAddressFailures(options));
        if (options.MaxBodyBytes <= 0)
            failures.Add($"{FacebookOptions.SectionName}:{nameof(options.MaxBodyBytes)} must be positive.");
        if (options.Inbox.MaxAttempts < 1 || options.Inbox.Parallelism < 1)
            failures.Add($"{FacebookOptions.SectionName}:Inbox:MaxAttempts and Inbox:Parallelism must be at least 1.");
        if (options.Inbox.LeaseDuration <= TimeSpan.Zero || options.Inbox.PollInterval <= TimeSpan.Zero || options.Inbox.RetryDelay < TimeSpan.Zero)
            failures.Add($"{FacebookOptions.SectionName}:Inbox:LeaseDuration and PollInterval must be positive, RetryDelay not negative.");
        if (options.Send.MaxRetries < 0 || options.Send.AttemptTimeout <= TimeSpan.Zero || options.Send.BaseDelay < TimeSpan.Zero)
            failures.Add($"{FacebookOptions.SectionName}:Send:MaxRetries must not be negative and AttemptTimeout must be positive.");
        if (options.Profile.CacheDuration <= TimeSpan.Zero || options.Profile.MissingCacheDuration < TimeSpan.Zero)
            failures.Add($"{FacebookOptions.SectionName}:Profile:CacheDuration must be positive and MissingCacheDuration not negative.");
        if (options.HandoverIdleTimeout <= TimeSpan.Zero)
            failures.Add($"{FacebookOptions.SectionName}:{nameof(options.HandoverIdleTimeout)} must be positive (or empty to wait for people to give the thread back).");
        if (string.IsNullOrWhiteSpace(options.HandoverTargetAppId))
            failures.Add($"{FacebookOptions.SectionName}:{nameof(options.HandoverTargetAppId)} must name the app that receives handed-over threads (263902037430900 is the Page Inbox).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The Graph API address settings, which the set-up commands need even while the channel is off.</summary>
    public static IEnumerable<string> GraphAddressFailures(FacebookOptions options)
    {
        if (!Uri.TryCreate(options.GraphApiBaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != "https" && baseUrl.Scheme != "http"))
            yield return $"{FacebookOptions.SectionName}:{nameof(options.GraphApiBaseUrl)} must be an absolute http(s) URL.";
        if (!VersionPattern().IsMatch(options.GraphApiVersion ?? ""))
            yield return $"{FacebookOptions.SectionName}:{nameof(options.GraphApiVersion)} must look like v25.0.";
    }
}
