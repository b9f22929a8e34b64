using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>Remembers who the shopper looked for gifts for, so next time the bot can offer "another gift for your nephew?".</summary>
public sealed class RecipientMemory
{
    private readonly IStatePropertyAccessor<RecipientProfiles> _profiles;
    private readonly TimeProvider _clock;
    private readonly ILogger<RecipientMemory> _logger;

    public RecipientMemory(UserState userState, TimeProvider clock, ILogger<RecipientMemory> logger)
    {
        _profiles = userState.CreateTrackedProperty<RecipientProfiles>(nameof(RecipientProfiles));
        _clock = clock;
        _logger = logger;
    }

    public async Task RememberAsync(ITurnContext turnContext, GiftSearch search, CancellationToken cancellationToken)
    {
        // "my friend's daughter" is a one-off, and kept by relationship she would replace the shopper's own daughter.
        if (string.IsNullOrWhiteSpace(search.Recipient) || search.RecipientOwner is not null) return;
        var profiles = await GetAsync(turnContext, cancellationToken);
        profiles.Remember(new RecipientProfile
        {
            Recipient = search.Recipient,
            AgeMin = search.AgeMin,
            AgeMax = search.AgeMax,
            Interests = [.. search.Interests],
            LastSearchedAt = _clock.GetUtcNow(),
        });
    }

    public async Task<RecipientProfile?> LatestAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        (await GetAsync(turnContext, cancellationToken)).Latest is { } latest ? Aged(latest) : null;

    public async Task<RecipientProfile?> FindAsync(ITurnContext turnContext, string recipient, CancellationToken cancellationToken) =>
        (await GetAsync(turnContext, cancellationToken)).Find(recipient) is { } found ? Aged(found) : null;

    // An 8-year-old nephew searched for last year is 9 now.
    private RecipientProfile Aged(RecipientProfile profile)
    {
        var years = (int)((_clock.GetUtcNow() - profile.LastSearchedAt).TotalDays / 365.25);
        if (years <= 0 || profile.AgeMin is null) return profile;
        return new RecipientProfile
        {
            Recipient = profile.Recipient,
            AgeMin = Math.Min(profile.AgeMin.Value + years, SlotLimits.MaxAge),
            AgeMax = profile.AgeMax is { } max ? Math.Min(max + years, SlotLimits.MaxAge) : null,
            Interests = profile.Interests,
            LastSearchedAt = profile.LastSearchedAt,
        };
    }

    private async Task<RecipientProfiles> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            return await _profiles.GetAsync(turnContext, () => new RecipientProfiles(), cancellationToken);
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "Saved recipients on channel {ChannelId} could not be read; starting afresh", turnContext.Activity.ChannelId);
            var profiles = new RecipientProfiles();
            await _profiles.SetAsync(turnContext, profiles, cancellationToken);
            return profiles;
        }
    }
}
