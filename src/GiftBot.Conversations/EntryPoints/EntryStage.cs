using GiftBot.Conversations.Pipeline;
using GiftBot.Conversations.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.EntryPoints;

/// <summary>
/// Entries seen in messages: a Get Started tap right after a referral is the same arrival (Meta sends the referral with
/// it), so it neither welcomes again nor restarts what the referral began; a PRESET:&lt;ref&gt; tap (an ad's
/// welcome-message quick reply) becomes the referral it stands for, so one route serves links, ads and these taps.
/// </summary>
public sealed class EntryStage(IStatePropertyAccessor<EntryState> entryState, TimeProvider clock, IOptions<EntryPointsOptions> options, ILogger<EntryStage> logger)
    : ITurnStage
{
    public async Task<TurnFlow> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message) return TurnFlow.Continue;
        var entry = await entryState.GetAsync(turnContext, () => new EntryState(), cancellationToken);
        var referralAt = entry.ReferralAt;
        if (referralAt is not null)
        {
            entry.ReferralAt = null;
            await entryState.SetAsync(turnContext, entry, cancellationToken);
        }

        if (Payloads.Is(activity.Text, Payloads.GetStarted) && referralAt is { } at && clock.GetUtcNow() - at <= options.Value.GetStartedAfterReferral)
        {
            logger.LogDebug("Get Started right after a referral on {ChannelId}: the referral's flow goes on", activity.ChannelId);
            return TurnFlow.EndTurn;
        }

        if (Payloads.TryParse(activity.Text, out var command) && command.Name == Payloads.Preset)
        {
            var typed = (Activity)turnContext.Activity;
            typed.Type = ActivityTypes.Event;
            typed.Name = ReferralRoute.Name;
            typed.Value = new JObject { ["ref"] = command.RequiredArgument, ["source"] = "PRESET" };
            typed.Text = null;
        }
        return TurnFlow.Continue;
    }
}
