using GiftBot.Conversations.Events;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Interruptions;
using GiftBot.Conversations.ReturningShoppers;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using GiftBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace GiftBot.Conversations.Main;

/// <summary>
/// The root dialog. It only routes: each new message, command or event goes to the feature that handles it (the gift
/// finder, the returning-shopper offer, the basket, handover, FAQ, event routes) or gets a short persona line.
/// </summary>
public sealed partial class MainDialog : ComponentDialog
{
    private const string Steps = "MainSteps";
    private const string Rerouted = "rerouted";

    private readonly TurnUnderstanding _understanding;
    private readonly IReadOnlyList<IInterruptionHandler> _handlers;
    private readonly IReadOnlyList<IEventActivityRoute> _eventRoutes;
    private readonly GiftSearches _searches;
    private readonly ShownProductReference _moreLike;
    private readonly CarouselAcknowledgement _acknowledgement;
    private readonly EarlierCarousel _earlier;
    private readonly RecipientMemory _memory;
    private readonly BotVoice _voice;
    private readonly VariedLines _varied;
    private readonly Funnel.FunnelRecorder _funnel;
    private readonly ILogger<MainDialog> _logger;

    public MainDialog(
        GiftFinderDialog giftFinder, ReturningShopperDialog returningShopper, MainDialogServices services,
        IEnumerable<IInterruptionHandler> handlers, IEnumerable<IEventActivityRoute> eventRoutes, ILogger<MainDialog> logger)
        : base(nameof(MainDialog))
    {
        (_understanding, _searches, _memory, _voice, _funnel, _varied) = (services.Understanding, services.Searches, services.Memory, services.Voice, services.Funnel, services.VariedLines);
        (_moreLike, _acknowledgement, _earlier) = (services.MoreLike, services.Acknowledgement, services.Earlier);
        _handlers = handlers.ToList();
        _eventRoutes = eventRoutes.ToList();
        _logger = logger;
        AddDialog(new WaterfallDialog(Steps, [RouteStepAsync, FollowUpStepAsync]));
        AddDialog(giftFinder);
        AddDialog(returningShopper);
        InitialDialogId = Steps;
    }

    /// <summary>Events reach their route even while a dialog is waiting for an answer (e.g. a referral mid-search).</summary>
    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
    {
        if (innerDc.Context.Activity.Type == ActivityTypes.Event && await RouteEventAsync(innerDc, cancellationToken) is { } routed)
            return routed;
        return await base.OnContinueDialogAsync(innerDc, cancellationToken);
    }

    private async Task<DialogTurnResult> RouteStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var activity = step.Context.Activity;
        return activity.Type switch
        {
            ActivityTypes.Message => await RouteMessageAsync(step, rerouted: step.GetOptions<string>() == Rerouted, cancellationToken),
            ActivityTypes.ConversationUpdate => await StartShoppingAsync(step, cancellationToken),
            ActivityTypes.Event => await RouteEventAsync(step, cancellationToken) ?? await step.EndDialogAsync(null, cancellationToken),
            _ => await step.EndDialogAsync(null, cancellationToken),
        };
    }

    /// <summary>A child ended: the returning-shopper offer names how to begin the gift finder, or asks to route its message again.</summary>
    private async Task<DialogTurnResult> FollowUpStepAsync(WaterfallStepContext step, CancellationToken cancellationToken) => step.Result switch
    {
        GiftFinderStart start => await step.ReplaceDialogAsync(nameof(GiftFinderDialog), start, cancellationToken),
        ReturningShopperDialog.NotAnswered => await step.ReplaceDialogAsync(Steps, Rerouted, cancellationToken),
        _ => await step.EndDialogAsync(null, cancellationToken),
    };

    private async Task<DialogTurnResult?> RouteEventAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var activity = dc.Context.Activity.AsEventActivity();
        var route = _eventRoutes.FirstOrDefault(r => string.Equals(r.EventName, activity.Name, StringComparison.OrdinalIgnoreCase));
        if (route is null)
        {
            _logger.LogDebug("No route for event {EventName}; ignored", activity.Name);
            return null;
        }
        return await route.RouteAsync(dc, activity, cancellationToken);
    }

    /// <summary>A new conversation or Get Started: offer the last recipient again, or begin the gift finder.</summary>
    private async Task<DialogTurnResult> StartShoppingAsync(DialogContext dc, CancellationToken cancellationToken) =>
        await _memory.LatestAsync(dc.Context, cancellationToken) is not null
            ? await dc.BeginDialogAsync(nameof(ReturningShopperDialog), null, cancellationToken)
            : await dc.BeginDialogAsync(nameof(GiftFinderDialog), GiftFinderStart.New(), cancellationToken);

    private Task<DialogTurnResult> FindGiftAsync(DialogContext dc, GiftFinderStart start, CancellationToken cancellationToken) =>
        dc.BeginDialogAsync(nameof(GiftFinderDialog), start, cancellationToken);
}

/// <summary>What the main dialog's routes use.</summary>
public sealed record MainDialogServices(TurnUnderstanding Understanding, GiftSearches Searches, RecipientMemory Memory, BotVoice Voice, Funnel.FunnelRecorder Funnel, VariedLines VariedLines,
    ShownProductReference MoreLike, CarouselAcknowledgement Acknowledgement, EarlierCarousel Earlier);
