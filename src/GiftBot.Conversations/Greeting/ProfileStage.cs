using GiftBot.Conversations.Pipeline;
using GiftBot.Conversations.State;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Greeting;

/// <summary>
/// First of every turn: the person's profile (name, language, time zone) into turn state for every line the bot says,
/// copied to their context card when it changed; and the hook that lets a handover silence the rest of the turn.
/// </summary>
public sealed class ProfileStage(ShopperProfiles profiles, ProfileCard card) : ITurnStage
{
    public async Task<TurnFlow> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var profile = await profiles.ApplyAsync(turnContext, cancellationToken);
        await card.RecordAsync(turnContext, profile, cancellationToken);
        TurnSilence.Install(turnContext);
        return TurnFlow.Continue;
    }
}
