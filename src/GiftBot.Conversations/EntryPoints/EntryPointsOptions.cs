using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.EntryPoints;

/// <summary>
/// Bound to "EntryPoints". PageName is the Page's m.me user name used in share links (https://m.me/&lt;PageName&gt;);
/// when empty, Facebook:PageName is used; with neither, "share with a friend" explains that it is not available.
/// </summary>
public sealed class EntryPointsOptions
{
    public const string SectionName = "EntryPoints";

    public string? PageName { get; set; }

    /// <summary>A Get Started tap this soon after a referral belongs to that referral (Meta sends both for a new thread).</summary>
    public TimeSpan GetStartedAfterReferral { get; set; } = TimeSpan.FromMinutes(2);

    public string? Validate()
    {
        if (PageName is { Length: > 0 } name && !System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z0-9.]{1,100}$"))
            return "EntryPoints:PageName (or Facebook:PageName when it is empty) must be the Page's user name (letters, digits and dots), as in https://m.me/<name>, not its display name.";
        if (GetStartedAfterReferral < TimeSpan.Zero) return "EntryPoints:GetStartedAfterReferral must not be negative.";
        return null;
    }
}

/// <summary>Stops start-up with the one setting at fault, named as the developer wrote it.</summary>
public sealed class EntryPointsOptionsValidator : IValidateOptions<EntryPointsOptions>
{
    public ValidateOptionsResult Validate(string? name, EntryPointsOptions options) =>
        options.Validate() is { } failure ? ValidateOptionsResult.Fail(failure) : ValidateOptionsResult.Success;
}
