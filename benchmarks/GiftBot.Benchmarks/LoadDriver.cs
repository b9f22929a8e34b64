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
        using var driver = DriverProcess.Start(request.ToArguments());
        await driver.ExpectAsync("ready");
        await JitSettling.WaitAsync();

        GC.Collect();
        await using var sampler = new ProcessSampler();
        var before = ProcessSampler.Snapshot();
        var machineBefore = MachineCounters.Read();
        var driverBefore = driver.ProcessorTime;
        var commitsBefore = commits?.Invoke();
        await driver.SendAsync("open");
        await driver.ExpectAsync("closed");
        var after = ProcessSampler.Snapshot();
        var machineAfter = MachineCounters.Read();
        var driverCpuMs = (driver.ProcessorTime - driverBefore).TotalMilliseconds;
        var commitsAfter = commits?.Invoke();

        var result = JsonSerializer.Deserialize<DriveResult>(await driver.ExpectAsync("result"))
            ?? throw new InvalidOperationException("The driver process sent an empty result.");
        await driver.WaitForExitAsync();
        return new LoadResult(
            label, result.SortedLatenciesMs.Length, result.Errors, TimeSpan.FromMilliseconds(result.ElapsedMs), result.SortedLatenciesMs,
            (after.Cpu - before.Cpu).TotalMilliseconds, after.AllocatedBytes - before.AllocatedBytes, after.Gen2Collections - before.Gen2Collections,
            sampler.PeakWorkingSetBytes, sampler.PeakGcHeapBytes, result.Replies, result.Carousels, commitsAfter - commitsBefore,
            (after.JitTime - before.JitTime).TotalMilliseconds)
        {
            Collections = after.Collections - before.Collections,
            GcPauseMs = (after.GcPause - before.GcPause).TotalMilliseconds,
            Machine = MachineCounters.Between(machineBefore, machineAfter, (after.Cpu - before.Cpu).TotalMilliseconds, driverCpuMs),
        };
    }
}
