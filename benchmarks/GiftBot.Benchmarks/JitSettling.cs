namespace GiftBot.Benchmarks;

/// <summary>
/// Holds a measuring window back until the JIT has settled. Tiered compilation recompiles hot methods in the background for
/// seconds after they first run (longer on a busy 2-core machine), and that compile time would land in the first window
/// of whichever scenario runs new code: the figures are for a process that has been serving for a while. The driver keeps
/// the load running meanwhile; each window's table row says how much JIT time still fell inside it.
/// </summary>
public static class JitSettling
{
    private static readonly TimeSpan Probe = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    // A second in which the JIT compiled no more than this many methods counts as settled (a few late, cold paths are normal).
    private const long SettledMethodsPerProbe = 10;

    // Tier-up comes in waves (call counting starts after a delay, then a batch is recompiled): one quiet second is not enough.
    private const int QuietProbesNeeded = 3;

    public static async Task WaitAsync()
    {
        var waited = TimeSpan.Zero;
        var quietProbes = 0;
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (waited < Limit && quietProbes < QuietProbesNeeded)
        {
            await Task.Delay(Probe);
            waited += Probe;
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            quietProbes = now - compiled <= SettledMethodsPerProbe ? quietProbes + 1 : 0;
            compiled = now;
        }
    }
}
