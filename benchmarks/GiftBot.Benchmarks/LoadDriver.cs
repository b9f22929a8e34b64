using System.Diagnostics;
using System.Text.Json;

namespace GiftBot.Benchmarks;

/// <summary>
/// Runs one load window against bots hosted in THIS process: the shoppers and the connector stand-in run in a child process
/// (<see cref="ShopperLoad"/>, this executable in <c>drive</c> mode), so the CPU time, allocations and memory read here
/// around the child's measuring window are the bot host's alone. A turn's latency is the /api/messages round trip, which
/// includes the bot's replies to the connector.
/// </summary>
public static class LoadDriver
{
    /// <summary>What the figures of a <see cref="LoadResult"/> from this driver cover, for the benchmarks' footnotes.</summary>
    public const string MeasuredProcess =
        "CPU, allocations, peak working set and gen2 GCs are the bot host process's only (every bot host this benchmark started, nothing else); the shoppers and the connector stand-in run in a separate driver process.";

    /// <param name="returningCustomers">When set, each conversation is run by one of that many seeded customers (growth benchmark) instead of a new person.</param>
    public static async Task<LoadResult> RunAsync(
        string label, IReadOnlyList<Uri> botAddresses, ConversationScript script, BenchmarkOptions options, int connections,
        Func<long>? commits = null, int? returningCustomers = null)
    {
        var request = new DriveRequest([.. botAddresses], script, connections, options.Seconds, options.WarmupSeconds, returningCustomers);
        using var driver = DriverProcess.Start(request);
        await driver.ExpectAsync("ready");
        await JitSettling.WaitAsync();

        GC.Collect();
        await using var sampler = new ProcessSampler();
        var before = ProcessSampler.Snapshot();
        var commitsBefore = commits?.Invoke();
        await driver.SendAsync("open");
        await driver.ExpectAsync("closed");
        var after = ProcessSampler.Snapshot();
        var commitsAfter = commits?.Invoke();

        var result = JsonSerializer.Deserialize<DriveResult>(await driver.ExpectAsync("result"))
            ?? throw new InvalidOperationException("The driver process sent an empty result.");
        await driver.WaitForExitAsync();
        return new LoadResult(
            label, result.SortedLatenciesMs.Length, result.Errors, TimeSpan.FromMilliseconds(result.ElapsedMs), result.SortedLatenciesMs,
            (after.Cpu - before.Cpu).TotalMilliseconds, after.AllocatedBytes - before.AllocatedBytes, after.Gen2Collections - before.Gen2Collections,
            sampler.PeakWorkingSetBytes, sampler.PeakGcHeapBytes, result.Replies, result.Carousels, commitsAfter - commitsBefore,
            (after.JitTime - before.JitTime).TotalMilliseconds);
    }

    /// <summary>This executable started again in drive mode; killed with its tree if the parent leaves early; its stderr kept for errors.</summary>
    private sealed class DriverProcess : IDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _errors = new();

        private DriverProcess(Process process) => _process = process;

        public static DriverProcess Start(DriveRequest request)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("No process path to start the driver from."))
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // Run through "dotnet GiftBot.Benchmarks.dll" the host is dotnet itself: hand it the assembly again.
            if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet") start.ArgumentList.Add(typeof(LoadDriver).Assembly.Location);
            foreach (var argument in request.ToArguments()) start.ArgumentList.Add(argument);
            var process = Process.Start(start) ?? throw new InvalidOperationException("The driver process did not start.");
            var driver = new DriverProcess(process);
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (driver._errors) driver._errors.AppendLine(e.Data); };
            process.BeginErrorReadLine();
            return driver;
        }

        /// <summary>Reads stdout up to the line that starts with <paramref name="word"/>; returns the rest of that line.</summary>
        public async Task<string> ExpectAsync(string word)
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line == word) return "";
                if (line.StartsWith(word + " ", StringComparison.Ordinal)) return line[(word.Length + 1)..];
            }
            await _process.WaitForExitAsync();
            string errors;
            lock (_errors) errors = _errors.ToString();
            throw new InvalidOperationException($"The driver process ended (exit code {_process.ExitCode}) before '{word}':{Environment.NewLine}{errors}");
        }

        public async Task SendAsync(string line)
        {
            await _process.StandardInput.WriteLineAsync(line);
            await _process.StandardInput.FlushAsync();
        }

        public Task WaitForExitAsync() => _process.WaitForExitAsync();

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }
}
