using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Bots;
using GiftBot.Conversations.Funnel;
using GiftBot.Conversations.Main;
using GiftBot.Conversations.ReturningShoppers;
using GiftBot.Conversations.State;
using GiftBot.Conversations.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.EntryPoints;

/// <summary>
/// The welcome-and-dialog bot, aware of entries: a Get Started tap right after a referral is the same arrival (Meta
/// sends the referral with it), so it neither welcomes again nor restarts what the referral began; a PRESET:&lt;ref&gt;
/// tap (an ad's welcome-message quick reply) begins the preset exactly as a referral with that ref would.
/// </summary>
public sealed class EntryAwareBot(
    MainDialog dialog, BotAccessors accessors, BotVoice voice, FunnelRecorder funnel, RecipientMemory memory,
    IStatePropertyAccessor<EntryState> entryState, TimeProvider clock, IOptions<EntryPointsOptions> options, ILogger<DialogBot<MainDialog>> logger)
    : DialogAndWelcomeBot<MainDialog>(dialog, accessors, voice, funnel, memory, logger)
{
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var entry = await entryState.GetAsync(turnContext, () => new EntryState(), cancellationToken);
        var referralAt = entry.ReferralAt;
        if (referralAt is not null)
        {
            entry.ReferralAt = null;
            await entryState.SetAsync(turnContext, entry, cancellationToken);
        }

        if (Payloads.Is(activity.Text, Payloads.GetStarted) && referralAt is { } at && clock.GetUtcNow() - at <= options.Value.GetStartedAfterReferral)
        {
            Logger.LogDebug("Get Started right after a referral on {ChannelId}: the referral's flow goes on", activity.ChannelId);
            return;
        }

        if (Payloads.TryParse(activity.Text, out var command) && command.Name == Payloads.Preset)
        {
            // Same turn, seen as the referral it stands for, so one route serves links, ads and these taps.
            var typed = (Activity)turnContext.Activity;
            typed.Type = ActivityTypes.Event;
            typed.Name = ReferralRoute.Name;
            typed.Value = new JObject { ["ref"] = command.RequiredArgument, ["source"] = "PRESET" };
            typed.Text = null;
            await RunDialogAsync(turnContext, cancellationToken);
            return;
        }
        await base.OnMessageActivityAsync(turnContext, cancellationToken);
    }
}
