using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace GiftBot.Benchmarks;

/// <summary>
/// ASP.NET Core's own request duration (<c>http.server.request.duration</c>, from the request's headers being read to its
/// response being done) for one route, as the bot host in this process measured it. Set beside what the sender measured,
/// it splits an acknowledgement's latency into the bot's handling and what lies outside it (the sender's process getting a
/// core, the loopback, Kestrel accepting and reading the request).
/// </summary>
public sealed class ServerRequestTimes : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<double> _milliseconds = new();
    private readonly string _route;

    public ServerRequestTimes(string route)
    {
        _route = route.TrimEnd('/');
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Microsoft.AspNetCore.Hosting" && instrument.Name == "http.server.request.duration")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>Only requests that end while this is true are kept (the burst, not its warm-up).</summary>
    public bool Recording { get; set; }

    public double Percentile(double percent)
    {
        var sorted = _milliseconds.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public int Count => _milliseconds.Count;

    private void OnMeasurement(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (!Recording) return;
        foreach (var tag in tags)
        {
            // The route as ASP.NET Core reports it ends with "/" for a group's "" endpoint.
            if (tag.Key == "http.route" && tag.Value is string route && route.TrimEnd('/') == _route)
            {
                _milliseconds.Enqueue(seconds * 1000);
                return;
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
