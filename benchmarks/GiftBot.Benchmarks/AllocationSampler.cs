using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace GiftBot.Benchmarks;

/// <summary>Samples allocations (the runtime's AllocationTick, about one per 100 KB) by type, to see what a turn allocates.</summary>
public sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new();
    public volatile bool Enabled;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!Enabled || e.EventName != "GCAllocationTick_V4" || e.Payload is null) return;
        var type = e.Payload[e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames!.IndexOf("AllocationAmount64")]);
        _bytes.AddOrUpdate(type, amount, (_, b) => b + amount);
    }

    public void Print(TextWriter output, int top = 30)
    {
        var total = _bytes.Values.Sum();
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
            output.WriteLine($"{100.0 * bytes / total,6:F1} %  {type}");
    }
}
