using GiftBot.Content;
using GiftBot.Conversations.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace GiftBot.Conversations.Greeting;

/// <summary>
/// Loads the profile of the person of this turn once and makes every reply use it: <see cref="ShopperTokens"/> in turn
/// state (BotVoice fills {{first_name}} and {{back_at}} from it) and the activity's locale when the channel sent none
/// (Messenger), so text comes in the person's language where content exists for it.
/// </summary>
public sealed class ShopperProfiles
{
    private readonly IUserProfileProvider _provider;
    private readonly ILogger<ShopperProfiles> _logger;

    public ShopperProfiles(IUserProfileProvider provider, ILogger<ShopperProfiles> logger)
    {
        _provider = provider;
        _logger = logger;
    }

    public async Task<UserProfile> ApplyAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.TurnState.Get<UserProfile>() is { } loaded) return loaded;
        var profile = await LoadAsync(turnContext, cancellationToken);
        turnContext.TurnState.Set(profile);
        if (string.IsNullOrWhiteSpace(turnContext.Activity.Locale) && profile.Locale is not null)
            turnContext.Activity.Locale = profile.Locale.Replace('_', '-');
        turnContext.TurnState.Set(BotVoice.ShopperTokensKey, new ShopperTokens(profile.FirstName, turnContext.Activity.Locale ?? profile.Locale, profile.TimeZone));
        return profile;
    }

    /// <summary>The profile this turn loaded (unknown before <see cref="ApplyAsync"/>).</summary>
    public static UserProfile Current(ITurnContext turnContext) => turnContext.TurnState.Get<UserProfile>() ?? UserProfile.Unknown;

    // A profile is a nicety: a failing lookup (Graph API down) means an anonymous greeting, not a failed turn.
    private async Task<UserProfile> LoadAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            return await _provider.GetProfileAsync(turnContext, cancellationToken) ?? UserProfile.Unknown;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Profile of a person on channel {ChannelId} could not be read; answering without it", turnContext.Activity.ChannelId);
            return UserProfile.Unknown;
        }
    }
}
