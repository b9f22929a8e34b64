using System.Runtime.InteropServices;
using GiftBot.NativeHeap;

namespace GiftBot.Tests.NativeHeap;

public sealed class MallocMmapThresholdTests
{
    private const nuint LargeBlock = 4 * 1024 * 1024;

    [Fact]
    public void ALargeBlockFreedAndAskedForAgain_IsMappedOnItsOwnAgain_NotCarvedFromTheHeap()
    {
        if (!OperatingSystem.IsLinux()) return; // glibc behaviour

        Assert.Equal(MallocMmapThreshold.DefaultBytes, MallocMmapThreshold.Apply(null));

        // glibc's dynamic threshold would rise to 4 MB on this free, and the next 4 MB block would come from the heap.
        var first = malloc(LargeBlock);
        var firstWasMapped = IsMapped(first);
        free(first);
        var second = malloc(LargeBlock);
        var secondWasMapped = IsMapped(second);
        free(second);

        Assert.True(firstWasMapped);
        Assert.True(secondWasMapped);
    }

    [Fact]
    public void TakesTheConfiguredSize()
    {
        Assert.Equal(OperatingSystem.IsLinux() ? 262144 : null, MallocMmapThreshold.Apply(" 262144 "));
        Assert.Equal(OperatingSystem.IsLinux() ? MallocMmapThreshold.DefaultBytes : null, MallocMmapThreshold.Apply(""));
    }

    [Theory]
    [InlineData("128k")]
    [InlineData("-1")]
    [InlineData("40000000")]
    public void RefusesASizeGlibcCannotTake_NamingTheVariable(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => MallocMmapThreshold.Apply(configured));
        Assert.Contains("MALLOC_MMAP_THRESHOLD_", error.Message);
        Assert.Contains(configured, error.Message);
    }

    // glibc keeps a chunk's size just before the pointer it returns; bit 1 (IS_MMAPPED) marks a chunk mapped on its own.
    private static unsafe bool IsMapped(nint pointer) => (*((nuint*)pointer - 1) & 2) != 0;

    [DllImport("libc")]
    private static extern nint malloc(nuint size);

    [DllImport("libc")]
    private static extern void free(nint pointer);
}
