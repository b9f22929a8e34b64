using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Greeting;

/// <summary>
/// What the channel can tell about the person of this turn. The default reads the activity; the Messenger layer
/// replaces it with one that asks the Graph User Profile API (cached). Any field may be unknown: the bot then
/// speaks without it (no name, the content's default locale, the shop's time zone).
/// </summary>
public interface IUserProfileProvider
{
    /// <summary>The person's profile; implementations return <see cref="UserProfile.Unknown"/> rather than throw when nothing is known.</summary>
    Task<UserProfile> GetProfileAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}

/// <param name="FirstName">As the person would be greeted ("Ann"); null when unknown.</param>
/// <param name="Locale">"fr_FR" (Messenger) or "fr-FR" (Bot Framework); null when unknown.</param>
/// <param name="TimeZone">An IANA id ("Europe/Paris") or Messenger's UTC offset in hours ("-5", "5.5"); null when unknown.</param>
public sealed record UserProfile(string? FirstName = null, string? Locale = null, string? TimeZone = null)
{
    public static UserProfile Unknown { get; } = new();
}
