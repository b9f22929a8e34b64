using System.Diagnostics;
using System.Net.Http.Headers;

namespace GiftBot.Benchmarks.Growth;

/// <summary>p50/p99 of one HTTP GET at a time against the host (a person at the console, a shop's page calling the API).</summary>
public static class LatencyProbe
{
    public sealed record Result(string Label, int Requests, int Errors, double[] SortedMs)
    {
        public double Percentile(double p) =>
            SortedMs.Length == 0 ? double.NaN : SortedMs[Math.Clamp((int)Math.Ceiling(p / 100 * SortedMs.Length) - 1, 0, SortedMs.Length - 1)];
    }

    /// <summary>Sends <paramref name="requests"/> GETs (the first tenth again before, as warm-up) built by <paramref name="path"/>.</summary>
    public static async Task<Result> RunAsync(string label, Uri host, Func<int, string> path, int requests, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var http = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(30) };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            http.DefaultRequestHeaders.Add(name, value);
        }

        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var times = new List<double>(requests);
        var errors = 0;
        for (var i = -requests / 10; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(path(Math.Abs(i)));
            _ = await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i < 0) continue;
            times.Add(elapsed);
            if (!response.IsSuccessStatusCode) errors++;
        }

        times.Sort();
        return new Result(label, times.Count, errors, [.. times]);
    }
}
