using GiftBot.NativeHeap;

namespace GiftBot.Tests.NativeHeap;

public sealed class MallocArenasTests
{
    [Fact]
    public void CapsArenasAtTwo_ByDefault_AndAtTheConfiguredNumber()
    {
        Assert.Equal(OperatingSystem.IsLinux() ? 2 : null, MallocArenas.Apply(null));
        Assert.Equal(OperatingSystem.IsLinux() ? 4 : null, MallocArenas.Apply(" 4 "));
        Assert.Equal(OperatingSystem.IsLinux() ? 2 : null, MallocArenas.Apply(""));
    }

    [Fact]
    public void Zero_KeepsGlibcsOwnDefault()
    {
        Assert.Null(MallocArenas.Apply("0"));
    }

    [Theory]
    [InlineData("two")]
    [InlineData("-1")]
    [InlineData("2.5")]
    public void RefusesAValueThatIsNotAWholeNumber_NamingTheVariable(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => MallocArenas.Apply(configured));
        Assert.Contains("MALLOC_ARENA_MAX", error.Message);
        Assert.Contains(configured, error.Message);
    }
}
