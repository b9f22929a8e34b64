using Microsoft.Bot.Connector;
using GiftBot.Customers.Context;
using GiftBot.Messenger.Graph;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Users;

/// <summary>What Meta's User Profile API tells about a person; any field may be null (no permission, deleted account, empty answer).</summary>
public sealed record MessengerUserProfile(string? FirstName, string? Locale, string? TimeZone)
{
    public static readonly MessengerUserProfile Unknown = new(null, null, null);
}

/// <summary>
/// GET /{psid}?fields=first_name,locale,timezone, cached per person (Facebook:Profile:CacheDuration; a missing profile for
/// Facebook:Profile:MissingCacheDuration so a failing API is not asked on every message). Never throws for Graph errors:
/// a turn must not fail because a name is unknown. What is learnt is written to the customer's context card.
/// </summary>
public sealed class MessengerUserProfiles(
    GraphApiClient graph, IMemoryCache cache, ICustomerContextStore customers, TimeProvider time,
    IOptionsMonitor<FacebookOptions> options, ILogger<MessengerUserProfiles> logger)
{
    public async Task<MessengerUserProfile> GetAsync(string psid, CancellationToken cancellationToken)
    {
        var key = $"messenger-profile:{psid}";
        if (cache.TryGetValue(key, out MessengerUserProfile? cached) && cached is not null) return cached;
        var settings = options.CurrentValue.Profile;
        var profile = await FetchAsync(psid, cancellationToken);
        var known = profile != MessengerUserProfile.Unknown;
        cache.Set(key, profile, known ? settings.CacheDuration : settings.MissingCacheDuration);
        if (known) await SaveToCardAsync(psid, profile, cancellationToken);
        return profile;
    }

    private async Task<MessengerUserProfile> FetchAsync(string psid, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await graph.GetAsync(Uri.EscapeDataString(psid), new Dictionary<string, string> { ["fields"] = "first_name,locale,timezone" }, cancellationToken);
            return new MessengerUserProfile(Text(answer["first_name"]), Text(answer["locale"]), Text(answer["timezone"]));
        }
        catch (GraphApiException ex)
        {
            // e.g. 2018218 (no profile for this person) or a permission the Page lacks: speak without a name.
            logger.LogInformation("Messenger user profile unavailable: HTTP {Status}, code {Code}, subcode {Subcode}", ex.HttpStatus, ex.Code, ex.ErrorSubcode);
            return MessengerUserProfile.Unknown;
        }
    }

    private async Task SaveToCardAsync(string psid, MessengerUserProfile profile, CancellationToken cancellationToken)
    {
        try { await customers.SetProfileAsync(Channels.Facebook, psid, profile.FirstName, profile.Locale, profile.TimeZone, time.GetUtcNow(), cancellationToken); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Messenger user profile could not be written to the customer card");
        }
    }

    // Time zones arrive as numbers (-5, 5.5); names as strings. Empty strings count as unknown.
    private static string? Text(JToken? token) =>
        token is JValue { Value: not null } value && value.ToString(System.Globalization.CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null;
}
