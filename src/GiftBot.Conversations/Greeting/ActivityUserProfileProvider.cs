using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.Greeting;

/// <summary>
/// The profile every Bot Framework channel can give without another API call: the first word of From.Name (when it is
/// a real name, not an id or a placeholder such as "User"), the activity's locale and its LocalTimezone (IANA, sent by
/// Web Chat and the Emulator).
/// </summary>
public sealed class ActivityUserProfileProvider : IUserProfileProvider
{
    private readonly IOptionsMonitor<GreetingOptions> _options;

    public ActivityUserProfileProvider(IOptionsMonitor<GreetingOptions> options) => _options = options;

    public Task<UserProfile> GetProfileAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        return Task.FromResult(new UserProfile(
            FirstNameOf(activity.From?.Name, activity.From?.Id),
            string.IsNullOrWhiteSpace(activity.Locale) ? null : activity.Locale,
            string.IsNullOrWhiteSpace(activity.LocalTimezone) ? null : activity.LocalTimezone));
    }

    private string? FirstNameOf(string? displayName, string? userId)
    {
        if (string.IsNullOrWhiteSpace(displayName) || string.Equals(displayName, userId, StringComparison.Ordinal)) return null;
        var first = displayName.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var looksLikeAName = first.Length <= 40 && char.IsLetter(first[0]) && !first.Any(char.IsDigit) && !first.Contains('@');
        if (!looksLikeAName) return null;
        return _options.CurrentValue.PlaceholderNames.Contains(first, StringComparer.OrdinalIgnoreCase) ? null : first;
    }
}
