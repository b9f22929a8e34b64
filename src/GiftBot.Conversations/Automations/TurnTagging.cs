using GiftBot.Conversations.Pipeline;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.State;
using GiftBot.Conversations.Understanding;
using GiftBot.Customers.Context;
using GiftBot.Customers.Tagging;
using GiftBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace GiftBot.Conversations.Automations;

/// <summary>
/// After a turn, tags the person by the marketer's rules (content/tagging.json) from what the turn was about: the
/// FAQ topic answered, else the intent recognised (button commands count as their intent).
/// </summary>
public sealed class TurnTagging : ITurnStage
{
    private static readonly Dictionary<string, string> CommandIntents = new(StringComparer.Ordinal)
    {
        [Payloads.TalkToHuman] = GiftIntents.TalkToHuman,
        [Payloads.Checkout] = GiftIntents.Checkout,
        [Payloads.ViewBasket] = GiftIntents.ViewBasket,
        [Payloads.Help] = GiftIntents.Help,
        [Payloads.FindGift] = GiftIntents.FindGift,
        [Payloads.StartOver] = GiftIntents.StartOver,
        [Payloads.ShowMore] = GiftIntents.ShowMore,
        [Payloads.Cheaper] = GiftIntents.Cheaper,
    };

    private readonly ITagger _tagger;
    private readonly TurnUnderstanding _understanding;
    private readonly ILogger<TurnTagging> _logger;

    public TurnTagging(ITagger tagger, TurnUnderstanding understanding, ILogger<TurnTagging> logger)
    {
        (_tagger, _understanding, _logger) = (tagger, understanding, logger);
    }

    public async Task AfterTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message || !CustomerKey.IsValidId(activity.ChannelId) || !CustomerKey.IsValidId(activity.From?.Id)) return;
        var facts = turnContext.TurnState.Get<TurnFacts>();
        var intent = facts?.Intent ?? await IntentOfAsync(turnContext, cancellationToken);
        if (intent is null && facts?.FaqTopic is null) return;
        try
        {
            await _tagger.ApplyAsync(activity.ChannelId, activity.From!.Id, intent, facts?.FaqTopic, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Tagging rules could not be applied on channel {ChannelId}", activity.ChannelId);
        }
    }

    private async Task<string?> IntentOfAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (Payloads.TryParse(turnContext.Activity.Text, out var command))
            return CommandIntents.GetValueOrDefault(command.Name);
        var intent = (await _understanding.GetAsync(turnContext, cancellationToken)).Intent;
        return intent == GiftIntents.None ? null : intent;
    }

    public async Task<TurnFlow> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await AfterTurnAsync(turnContext, cancellationToken);
        return TurnFlow.Continue;
    }
}
