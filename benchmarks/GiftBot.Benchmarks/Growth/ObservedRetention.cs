using System.Diagnostics;
using GiftBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Benchmarks.Growth;

/// <summary>
/// Counts and times the host's own retention runs (<see cref="IStoreRetention"/> as registered, wrapped, not replaced), so the
/// soak can show per minute whether pruning and roll-up ran and how long they took while turns were served.
/// </summary>
public sealed class ObservedRetention
{
    private readonly Lock _gate = new();
    private int _runs;
    private long _keys;
    private long _events;
    private double _longestMs;
    private double _totalMs;

    /// <summary>Wraps the registered <see cref="IStoreRetention"/> of a host's services with this observer.</summary>
    public void Observe(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IStoreRetention));
        services.Remove(registered);
        services.AddSingleton<IStoreRetention>(sp => new Timed((IStoreRetention)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)), this));
    }

    /// <summary>Runs finished since the last call, the rows they handled, the longest run and all runs' time, then starts counting again.</summary>
    public (int Runs, long DedupKeys, long FunnelEvents, double LongestMs, double TotalMs) TakeMinute()
    {
        lock (_gate)
        {
            var minute = (_runs, _keys, _events, _longestMs, _totalMs);
            (_runs, _keys, _events, _longestMs, _totalMs) = (0, 0, 0, 0, 0);
            return minute;
        }
    }

    private void Record(RetentionResult result, double ms)
    {
        lock (_gate)
        {
            _runs++;
            _keys += result.DedupKeysRemoved;
            _events += result.FunnelEventsRolledUp;
            _longestMs = Math.Max(_longestMs, ms);
            _totalMs += ms;
        }
    }

    private sealed class Timed(IStoreRetention inner, ObservedRetention observer) : IStoreRetention
    {
        public async Task<RetentionResult> ApplyAsync(DateTimeOffset dedupKeysBefore, DateTimeOffset rawEventsBefore, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var result = await inner.ApplyAsync(dedupKeysBefore, rawEventsBefore, cancellationToken);
            observer.Record(result, clock.Elapsed.TotalMilliseconds);
            return result;
        }
    }
}
