using GiftBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Messenger.Inbox;

/// <summary>
/// Drains the durable inbox: leases ready events (at most one per user at a time, so each user's events stay in order),
/// runs up to Inbox:Parallelism users in parallel and completes what succeeded. A passing failure (Graph API or store
/// briefly down) is retried after Inbox:RetryDelay and parked with its error after Inbox:MaxAttempts; any other failure
/// (a bug, a turn that already apologised, an <see cref="UnprocessableInboxItemException"/>) is parked at once, so it is
/// neither repeated nor holds back the person's next message. Whatever was acknowledged before a restart is picked up here.
/// </summary>
public sealed class FacebookInboxWorker(
    IDurableInbox inbox,
    FacebookInboxProcessor processor,
    FacebookInboxSignal signal,
    IOptionsMonitor<FacebookOptions> options,
    ILogger<FacebookInboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.IsEnabled)
        {
            logger.LogInformation("Facebook inbox worker idle: the Facebook channel is not configured");
            return;
        }
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            var settings = options.CurrentValue.Inbox;
            running.RemoveAll(t => t.IsCompleted);
            var free = settings.Parallelism - running.Count;
            if (free > 0)
            {
                try
                {
                    foreach (var item in await inbox.LeaseAsync(free, settings.LeaseDuration, stoppingToken))
                        running.Add(ProcessOneAsync(item));
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Facebook inbox could not be read; trying again in {PollInterval}", settings.PollInterval);
                }
            }
            await WaitForWorkAsync(running, settings.PollInterval, stoppingToken);
        }
        // Let turns in flight finish (bounded by the host's shutdown timeout) rather than cut a reply in half.
        await Task.WhenAll(running);
    }

    private async Task WaitForWorkAsync(List<Task> running, TimeSpan pollInterval, CancellationToken stoppingToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var signalled = signal.WaitAsync(pollInterval, wake.Token);
        // A finished turn may unblock the same user's next event, so it wakes the loop too.
        await Task.WhenAny(running.Append(signalled));
        await wake.CancelAsync();
        try { await signalled; }
        catch (OperationCanceledException) { /* woken by a finished turn, or stopping */ }
    }

    private async Task ProcessOneAsync(InboxItem item)
    {
        var settings = options.CurrentValue.Inbox;
        try
        {
            await Task.Yield();
            // Completion is part of the item's unit of work.
            await processor.HandleAsync(item, CancellationToken.None);
        }
        catch (UnprocessableInboxItemException ex)
        {
            await ParkUnprocessableAsync(item, ex);
        }
        catch (Exception ex)
        {
            var attempt = item.Attempts + 1;
            var failure = ex is TurnFailedException { InnerException: { } inner } ? inner : ex;
            var error = $"{failure.GetType().Name}: {failure.Message}";
            var maxAttempts = TransientFailures.IsTransient(ex) ? settings.MaxAttempts : attempt;
            try
            {
                await inbox.FailAsync(item.Id, error, maxAttempts, settings.RetryDelay, CancellationToken.None);
            }
            catch (Exception storeError)
            {
                logger.LogError(storeError, "Facebook inbox item {ItemId} failed and the failure could not be recorded; it is retried when its lease ends", item.Id);
                return;
            }
            // The turn's own failure was logged with its stack trace where it happened; one line here says what became of the event.
            if (attempt >= maxAttempts)
                logger.LogError("Facebook event {ItemId} ({DedupKey}) parked after {Attempts} attempts: {Error}", item.Id, LoggedIds.Key(item.DedupKey), attempt, error);
            else
                logger.LogWarning("Facebook event {ItemId} ({DedupKey}) failed on attempt {Attempt} of {MaxAttempts}; retrying in {RetryDelay}: {Error}",
                    item.Id, LoggedIds.Key(item.DedupKey), attempt, maxAttempts, settings.RetryDelay, error);
        }
    }

    // The event's content is the problem: a retry fails the same way, so park it now and let the person's next event run.
    private async Task ParkUnprocessableAsync(InboxItem item, UnprocessableInboxItemException ex)
    {
        try
        {
            await inbox.FailAsync(item.Id, $"{ex.GetType().Name}: {ex.Message}", maxAttempts: 1, TimeSpan.Zero, CancellationToken.None);
            logger.LogWarning("Facebook event {ItemId} ({DedupKey}) parked without retry: {Error}", item.Id, LoggedIds.Key(item.DedupKey), ex.Message);
        }
        catch (Exception storeError)
        {
            logger.LogError(storeError, "Facebook inbox item {ItemId} is unprocessable and could not be parked; it is retried when its lease ends", item.Id);
        }
    }
}
