using GiftBot.Conversations.State;
using GiftBot.Customers.Context;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace GiftBot.Conversations.Greeting;

/// <summary>
/// Copies what the channel knows about the person (first name, locale, time zone) onto their context card, where
/// agents see it. Written only when it changed since the last write, so a turn normally costs no extra storage call.
/// </summary>
public sealed class ProfileCard
{
    private readonly ICustomerContextStore _customers;
    private readonly AssistantAccessors _accessors;
    private readonly TimeProvider _clock;
    private readonly ILogger<ProfileCard> _logger;

    public ProfileCard(ICustomerContextStore customers, AssistantAccessors accessors, TimeProvider clock, ILogger<ProfileCard> logger)
    {
        (_customers, _accessors, _clock, _logger) = (customers, accessors, clock, logger);
    }

    public async Task RecordAsync(ITurnContext turnContext, UserProfile profile, CancellationToken cancellationToken)
    {
        var (channelId, userId) = (turnContext.Activity.ChannelId, turnContext.Activity.From?.Id);
        if (profile == UserProfile.Unknown || !CustomerKey.IsValidId(channelId) || !CustomerKey.IsValidId(userId)) return;
        var data = await _accessors.GetUserDataAsync(turnContext, cancellationToken);
        var fingerprint = $"{profile.FirstName}|{profile.Locale}|{profile.TimeZone}";
        if (data.RecordedProfile == fingerprint) return;
        try
        {
            await _customers.SetProfileAsync(channelId, userId!, profile.FirstName, profile.Locale, profile.TimeZone, _clock.GetUtcNow(), cancellationToken);
            data.RecordedProfile = fingerprint;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Profile could not be written to the context card on channel {ChannelId}", channelId);
        }
    }
}
