using System.Diagnostics;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace GiftBot.Conversations.Pipeline;

/// <summary>
/// The bot on every channel: runs the turn's stages in order until one ends the turn, then commits what the turn
/// changed. A failure anywhere goes to the one <see cref="TurnErrorPolicy"/> (nothing of the failed turn is committed).
/// Writes one Information line per turn (channel, activity type, duration, outcome; never message text).
/// The stages and their order are listed in one place: <c>ShopperTurn</c>, composed by AddConversations.
/// </summary>
public sealed class TurnPipeline : IBot
{
    private readonly ITurnStage _commit;
    private readonly TurnErrorPolicy _errors;
    private readonly ILogger<TurnPipeline> _logger;

    /// <param name="stages">The turn's stages, in the order they run.</param>
    /// <param name="commit">Runs after the stages, also when one ended the turn early: the turn's single write.</param>
    public TurnPipeline(IReadOnlyList<ITurnStage> stages, ITurnStage commit, TurnErrorPolicy errors, ILogger<TurnPipeline> logger)
    {
        Stages = stages;
        (_commit, _errors, _logger) = (commit, errors, logger);
    }

    public IReadOnlyList<ITurnStage> Stages { get; }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "answered";
        try
        {
            foreach (var stage in Stages)
            {
                if (await stage.RunAsync(turnContext, cancellationToken) != TurnFlow.EndTurn) continue;
                outcome = "ended by " + stage.GetType().Name;
                break;
            }
            await _commit.RunAsync(turnContext, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = TurnErrorPolicy.WillBeRetried(turnContext, exception) ? "failed, to be retried" : "failed";
            await _errors.HandleAsync(turnContext, exception);
        }
        finally
        {
            var activity = turnContext.Activity;
            _logger.LogInformation("Turn on {ChannelId}: {ActivityType} {Outcome} in {DurationMs:0} ms",
                activity.ChannelId, activity.Type, outcome, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
