using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.FollowUps;

/// <summary>Looks for due follow-ups every <see cref="FollowUpOptions.PollInterval"/> (on the app's TimeProvider) and sends them.</summary>
public sealed class FollowUpWorker : BackgroundService
{
    private readonly FollowUpRunner _runner;
    private readonly IOptionsMonitor<FollowUpOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<FollowUpWorker> _logger;

    public FollowUpWorker(FollowUpRunner runner, IOptionsMonitor<FollowUpOptions> options, TimeProvider clock, ILogger<FollowUpWorker> logger)
    {
        (_runner, _options, _clock, _logger) = (runner, options, clock, logger);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _runner.RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Looking for due follow-ups failed; trying again in {PollInterval}", _options.CurrentValue.PollInterval);
            }
            try
            {
                await Task.Delay(_options.CurrentValue.PollInterval, _clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
