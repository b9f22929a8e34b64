using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace GiftBot.NativeHeap;

/// <summary>
/// Asks glibc, every <see cref="NativeHeapOptions.TrimInterval"/>, to give the system back the native memory that was
/// freed inside its heaps (SQLite pages and statements, ONNX Runtime, sockets). glibc only returns memory at the top of a
/// heap by itself; memory freed below a block still in use stays resident. In the 30-minute soak that kept-free memory
/// grew about 0.4 MB a minute while the memory in use stayed flat: resident memory crept although nothing leaked.
/// </summary>
public sealed partial class NativeHeapTrim(IOptions<NativeHeapOptions> options, ILogger<NativeHeapTrim> logger) : BackgroundService
{
    /// <summary>True where malloc_trim exists (Linux with glibc).</summary>
    public static bool IsAvailable { get; } = Probe();

    /// <summary>Returns free native memory to the system now; false where there is no glibc to ask.</summary>
    public static bool TrimNow()
    {
        if (!IsAvailable) return false;
        malloc_trim(0);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.TrimInterval;
        if (interval == TimeSpan.Zero || !IsAvailable) return;

        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var started = Stopwatch.GetTimestamp();
            TrimNow();
            LogTrimmed(logger, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            malloc_trim(0);
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (e.g. musl): it returns freed memory by itself
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Returned free native memory to the system in {Milliseconds:F1} ms")]
    private static partial void LogTrimmed(ILogger logger, double milliseconds);

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int malloc_trim(nuint pad);
}
