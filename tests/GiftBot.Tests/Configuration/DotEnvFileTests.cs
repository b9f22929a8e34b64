using GiftBot.Configuration;

namespace GiftBot.Tests.Configuration;

public sealed class DotEnvFileTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"giftbot-{Guid.NewGuid():N}.env");
    private readonly string _prefix = $"GIFTBOT_TEST_{Guid.NewGuid():N}_";

    [Fact]
    public void SetsTheFilesValues_AsEnvironmentVariables()
    {
        File.WriteAllText(_file, $"# a comment\n{_prefix}Catalog__Currency=EUR\n{_prefix}PLAIN=\"quoted value\"\n");

        var loaded = DotEnvFile.LoadIfPresent(_file);

        Assert.Equal(2, loaded);
        Assert.Equal("EUR", Environment.GetEnvironmentVariable($"{_prefix}Catalog__Currency"));
        Assert.Equal("quoted value", Environment.GetEnvironmentVariable($"{_prefix}PLAIN"));
    }

    [Fact]
    public void LeavesRealEnvironmentVariablesAlone()
    {
        Environment.SetEnvironmentVariable($"{_prefix}PORT", "from-environment");
        File.WriteAllText(_file, $"{_prefix}PORT=from-file\n");

        DotEnvFile.LoadIfPresent(_file);

        Assert.Equal("from-environment", Environment.GetEnvironmentVariable($"{_prefix}PORT"));
    }

    [Fact]
    public void DoesNothing_WhenTheFileIsMissing()
    {
        Assert.Equal(0, DotEnvFile.LoadIfPresent(_file));
    }

    public void Dispose()
    {
        File.Delete(_file);
        foreach (var name in new[] { "Catalog__Currency", "PLAIN", "PORT" }) Environment.SetEnvironmentVariable(_prefix + name, null);
    }
}
