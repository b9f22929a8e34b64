namespace GiftBot.Catalog.Tests.Feed;

public sealed class BundledImagesTests
{
    [Theory]
    [InlineData("images/space.png", true)]
    [InlineData("images/gb-1001.jpg", true)]
    [InlineData("images/../appsettings.json", false)]
    [InlineData("images/sub/space.png", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("images/space.svg", false)]
    public void NamesOnlyAPictureInsideTheImagesFolder(string imageLink, bool bundled) =>
        Assert.Equal(bundled, BundledImages.IsPath(imageLink));

    [Fact]
    public void LinksAPictureAbsolutelyFromTheBotsAddress() =>
        Assert.Equal("https://bot.example.com/catalog/images/space.png", BundledImages.UrlFor("images/space.png", "https://bot.example.com/"));
}
