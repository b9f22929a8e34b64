using System.Runtime.InteropServices;
using GiftBot.NativeHeap;
using GiftBot.Tests.Hosting;
using Microsoft.Extensions.Options;

namespace GiftBot.Tests.NativeHeap;

/// <summary>Runs alone: resident memory is the whole test process's, and other tests allocating meanwhile would blur it.</summary>
[Collection(nameof(ResidentMemoryMeasurements))]
public sealed class NativeHeapTrimTests
{
    private const int BlockBytes = 4096;
    private const int Blocks = 64 * 1024; // 256 MB in small blocks, as SQLite's pages and statements are

    [Fact]
    public void TrimNow_GivesBackNativeMemoryFreedBelowABlockStillInUse()
    {
        if (!OperatingSystem.IsLinux()) return;
        Assert.True(NativeHeapTrim.IsAvailable, "glibc's malloc_trim should be found on Linux");

        var inUse = FreeAllButEvery64thBlock(AllocateTouchedBlocks());
        var residentBefore = ResidentAnonymousMb();

        Assert.True(NativeHeapTrim.TrimNow());
        var residentAfter = ResidentAnonymousMb();

        FreeBlocks(inUse);
        Assert.True(residentBefore - residentAfter > 150,
            $"resident anonymous memory went from {residentBefore:F0} MB to {residentAfter:F0} MB; about 250 MB freed below blocks in use should have been given back");
    }

    [Fact]
    public void TheHostRefusesATrimIntervalUnderASecond_NamingTheKey()
    {
        using var app = new GiftBotApp(new Dictionary<string, string?> { ["NativeHeap:TrimInterval"] = "00:00:00.200" });

        var failure = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("NativeHeap:TrimInterval", failure.Message);
    }

    [Fact]
    public async Task TheRunningHost_GivesFreedNativeMemoryBack_AtItsInterval()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var app = new GiftBotApp(new Dictionary<string, string?> { ["NativeHeap:TrimInterval"] = "00:00:01" });
        app.CreateClient();

        var inUse = FreeAllButEvery64thBlock(AllocateTouchedBlocks());
        var residentBefore = ResidentAnonymousMb();
        var residentAfter = residentBefore;
        for (var waited = 0; waited < 100 && residentBefore - residentAfter <= 150; waited++)
        {
            await Task.Delay(100);
            residentAfter = ResidentAnonymousMb();
        }

        FreeBlocks(inUse);
        Assert.True(residentBefore - residentAfter > 150,
            $"resident anonymous memory went from {residentBefore:F0} MB to {residentAfter:F0} MB within 10 s; the host trims every second here");
    }

    private static unsafe nint[] AllocateTouchedBlocks()
    {
        var blocks = new nint[Blocks];
        for (var i = 0; i < Blocks; i++)
        {
            blocks[i] = (nint)NativeMemory.Alloc(BlockBytes);
            new Span<byte>((void*)blocks[i], BlockBytes).Fill(1); // touched, so resident
        }

        return blocks;
    }

    // Every 64th block stays in use, so no free stretch reaches the top of a heap: glibc keeps all of it resident by itself.
    private static unsafe nint[] FreeAllButEvery64thBlock(nint[] blocks)
    {
        var inUse = new List<nint>();
        for (var i = 0; i < blocks.Length; i++)
        {
            if (i % 64 == 63) inUse.Add(blocks[i]);
            else NativeMemory.Free((void*)blocks[i]);
        }

        return [.. inUse];
    }

    private static unsafe void FreeBlocks(nint[] blocks)
    {
        foreach (var block in blocks) NativeMemory.Free((void*)block);
    }

    private static double ResidentAnonymousMb()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
        return long.Parse(line["RssAnon:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }
}

[CollectionDefinition(nameof(ResidentMemoryMeasurements), DisableParallelization = true)]
public sealed class ResidentMemoryMeasurements;
