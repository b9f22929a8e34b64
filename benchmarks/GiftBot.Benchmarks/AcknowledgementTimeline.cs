using System.Diagnostics;
using System.Runtime.CompilerServices;
using GiftBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GiftBot.Benchmarks;

/// <summary>
/// Splits one webhook acknowledgement by where its time went, on one clock: the sender stamps the request with
/// <see cref="Stopwatch.GetTimestamp"/> (CLOCK_MONOTONIC on Linux, the same in both processes) just before sending; the bot
/// host answers with when its pipeline began and ended and how long the durable enqueue took; the sender notes when the
/// answer reached it. So: before the host (the sender's send, the loopback, Kestrel waiting for a thread-pool thread to read
/// the request), in the host (signature, parse, enqueue and its commit, the 200), and after (Kestrel's write, the loopback,
/// the sender's process resuming on the answer).
/// </summary>
public static class AcknowledgementTimeline
{
    public const string SentHeader = "X-Bench-Sent";
    private const string StartHeader = "X-Bench-Host-Start";
    private const string EndHeader = "X-Bench-Host-End";
    private const string EnqueueHeader = "X-Bench-Enqueue";

    private static readonly AsyncLocal<StrongBox<long>?> Enqueue = new();

    /// <summary>The measuring seams for the host: a first middleware that stamps the answer, and a timing wrapper around the inbox.</summary>
    public static void Observe(IServiceCollection services)
    {
        services.AddTransient<IStartupFilter, StampFilter>();
        var inner = services.Last(d => d.ServiceType == typeof(IDurableInbox));
        services.Replace(ServiceDescriptor.Singleton<IDurableInbox>(provider => new TimedInbox((IDurableInbox)(inner.ImplementationInstance
            ?? inner.ImplementationFactory?.Invoke(provider) ?? ActivatorUtilities.CreateInstance(provider, inner.ImplementationType!)))));
    }

    /// <summary>One acknowledgement split in milliseconds; null parts when the host did not stamp the answer.</summary>
    public sealed record Split(double Total, double? BeforeHost, double? InHost, double? Enqueue, double? AfterHost);

    public static void Stamp(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation(SentHeader, Stopwatch.GetTimestamp().ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static Split Read(HttpRequestMessage request, HttpResponseMessage response, long received)
    {
        var sent = long.Parse(request.Headers.GetValues(SentHeader).First(), System.Globalization.CultureInfo.InvariantCulture);
        double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
        long? Header(string name) => response.Headers.TryGetValues(name, out var values) && long.TryParse(values.First(), out var value) ? value : null;
        var (start, end, enqueue) = (Header(StartHeader), Header(EndHeader), Header(EnqueueHeader));
        if (start is not { } s || end is not { } e) return new Split(Ms(sent, received), null, null, null, null);
        return new Split(Ms(sent, received), Ms(sent, s), Ms(s, e), enqueue is { } q ? Stopwatch.GetElapsedTime(0, q).TotalMilliseconds : null, Ms(e, received));
    }

    private sealed class StampFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                if (!context.Request.Headers.ContainsKey(SentHeader))
                {
                    await following(context);
                    return;
                }

                var start = Stopwatch.GetTimestamp();
                var enqueue = new StrongBox<long>();
                Enqueue.Value = enqueue;
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    headers[StartHeader] = start.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    headers[EndHeader] = Stopwatch.GetTimestamp().ToString(System.Globalization.CultureInfo.InvariantCulture);
                    headers[EnqueueHeader] = enqueue.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Task.CompletedTask;
                });
                await following(context);
            });
            next(app);
        };
    }

    private sealed class TimedInbox(IDurableInbox inner) : IDurableInbox
    {
        public async Task<IReadOnlyList<bool>> EnqueueAllAsync(IReadOnlyList<InboxEntry> items, CancellationToken cancellationToken = default)
        {
            var box = Enqueue.Value;
            var started = Stopwatch.GetTimestamp();
            try { return await inner.EnqueueAllAsync(items, cancellationToken); }
            finally { if (box is not null) box.Value = Stopwatch.GetTimestamp() - started; }
        }

        public Task<bool> EnqueueAsync(string partitionKey, string dedupKey, string payload, DateTimeOffset occurredAt, CancellationToken cancellationToken = default) =>
            inner.EnqueueAsync(partitionKey, dedupKey, payload, occurredAt, cancellationToken);

        public Task<IReadOnlyList<InboxItem>> LeaseAsync(int max, TimeSpan leaseDuration, CancellationToken cancellationToken = default) => inner.LeaseAsync(max, leaseDuration, cancellationToken);

        public Task CompleteAsync(long id, CancellationToken cancellationToken = default) => inner.CompleteAsync(id, cancellationToken);

        public Task FailAsync(long id, string error, int maxAttempts, TimeSpan retryDelay, CancellationToken cancellationToken = default) =>
            inner.FailAsync(id, error, maxAttempts, retryDelay, cancellationToken);

        public Task<IReadOnlyList<InboxItem>> ListParkedAsync(int limit = 100, CancellationToken cancellationToken = default) => inner.ListParkedAsync(limit, cancellationToken);

        public Task<int> CountPendingAsync(CancellationToken cancellationToken = default) => inner.CountPendingAsync(cancellationToken);
    }
}
