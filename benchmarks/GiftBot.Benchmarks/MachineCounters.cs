using System.Diagnostics;
using System.Globalization;

namespace GiftBot.Benchmarks;

/// <summary>
/// Cumulative counters read at one moment (Linux; zeros elsewhere): the whole machine's CPU time by kind (/proc/stat, in
/// USER_HZ ticks), how long tasks waited for a CPU or for I/O (pressure stall information, /proc/pressure, microseconds),
/// this process's GC pause time and bytes it caused to be written to disk (/proc/self/io), and the machine's file pages read
/// back after the kernel had evicted them and its major page faults (/proc/vmstat: this VM's kernel pages out memory left
/// untouched for about a minute, so a file the bot reads again, the database or its own code, comes back from disk). Two
/// readings around a window say whether a slow window was the bot's doing or the machine's.
/// </summary>
public readonly record struct MachineCounters(
    long BusyTicks, long IdleTicks, long IoWaitTicks, long StealTicks, long CpuWaitMicroseconds, long IoWaitMicroseconds,
    TimeSpan GcPause, long WriteBytes, long FileRefaults, long MajorFaults, long Timestamp)
{
    // USER_HZ: the unit of /proc/stat on every Linux architecture .NET runs on.
    private const double MillisecondsPerTick = 10;

    public static MachineCounters Read()
    {
        var (busy, idle, ioWait, steal) = ReadStat();
        return new MachineCounters(
            busy, idle, ioWait, steal, ReadPressure("/proc/pressure/cpu"), ReadPressure("/proc/pressure/io"),
            GC.GetTotalPauseDuration(), ReadIo("write_bytes"), ReadVmStat("workingset_refault_file"), ReadVmStat("pgmajfault"), Stopwatch.GetTimestamp());
    }

    /// <summary>What happened between two readings, given the CPU time the bot host and the driver process used meanwhile.</summary>
    public static MachineWindow Between(MachineCounters before, MachineCounters after, double hostCpuMs, double driverCpuMs)
    {
        var elapsedMs = Stopwatch.GetElapsedTime(before.Timestamp, after.Timestamp).TotalMilliseconds;
        var total = (after.BusyTicks + after.IdleTicks + after.IoWaitTicks + after.StealTicks) - (before.BusyTicks + before.IdleTicks + before.IoWaitTicks + before.StealTicks);
        double Share(long ticks) => total <= 0 ? 0 : 100.0 * ticks / total;
        var busyMs = (after.BusyTicks - before.BusyTicks) * MillisecondsPerTick;
        return new MachineWindow(
            elapsedMs,
            Share(after.IdleTicks - before.IdleTicks + after.IoWaitTicks - before.IoWaitTicks),
            Share(after.StealTicks - before.StealTicks),
            elapsedMs <= 0 ? 0 : Math.Max(0, busyMs - hostCpuMs - driverCpuMs) / elapsedMs,
            driverCpuMs,
            elapsedMs <= 0 ? 0 : 100 * (after.CpuWaitMicroseconds - before.CpuWaitMicroseconds) / 1000.0 / elapsedMs,
            elapsedMs <= 0 ? 0 : 100 * (after.IoWaitMicroseconds - before.IoWaitMicroseconds) / 1000.0 / elapsedMs,
            (after.GcPause - before.GcPause).TotalMilliseconds,
            after.WriteBytes - before.WriteBytes,
            after.FileRefaults - before.FileRefaults,
            after.MajorFaults - before.MajorFaults);
    }

    private static (long Busy, long Idle, long IoWait, long Steal) ReadStat()
    {
        try
        {
            // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest time is already inside user)
            var line = File.ReadLines("/proc/stat").FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
            if (line is null) return default;
            var v = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            return v.Length < 8 ? default : (v[0] + v[1] + v[2] + v[5] + v[6], v[3], v[4], v[7]);
        }
        catch (IOException) { return default; }
        catch (UnauthorizedAccessException) { return default; }
    }

    // "some ... total=N": microseconds in which at least one runnable task waited (for a CPU, or for I/O).
    private static long ReadPressure(string path)
    {
        try
        {
            var some = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("some ", StringComparison.Ordinal));
            var total = some?.Split(' ').FirstOrDefault(p => p.StartsWith("total=", StringComparison.Ordinal));
            return total is null ? 0 : long.Parse(total["total=".Length..], CultureInfo.InvariantCulture);
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
    }

    private static long ReadVmStat(string field) => ReadCounter("/proc/vmstat", field + " ");

    private static long ReadIo(string field) => ReadCounter("/proc/self/io", field + ":");

    // A "name value" line of a /proc file; 0 when the file or the line is missing.
    private static long ReadCounter(string path, string label)
    {
        try
        {
            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(label, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[label.Length..].Trim(), CultureInfo.InvariantCulture);
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
    }
}

/// <summary>
/// The machine during one measuring window: idle and steal in % of all cores' time, the cores other processes kept busy
/// (the machine's busy time less the bot host's and the driver's CPU), the driver process's CPU, % of the time some task
/// waited for a CPU or for I/O (pressure stall information), the bot host's GC pause time and bytes it wrote to disk, the
/// machine's evicted file pages read back and major page faults.
/// </summary>
public sealed record MachineWindow(
    double ElapsedMs, double IdlePercent, double StealPercent, double OtherCores, double DriverCpuMs,
    double CpuWaitPercent, double IoWaitPercent, double GcPauseMs, long WriteBytes, long FileRefaults, long MajorFaults);
