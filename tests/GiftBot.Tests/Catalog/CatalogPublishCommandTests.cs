using GiftBot.Catalog.Import;
using GiftBot.CatalogSharing;
using Microsoft.Extensions.Configuration;

namespace GiftBot.Tests.Catalog;

public sealed class CatalogPublishCommandTests : IDisposable
{
    private const string Header = "id,title,description,availability,condition,price,link,image_link,brand,age_min,age_max,interests";
    private const string GoodRow = "GB-NEW-1,Aurora Night Sky Projector,Stars and northern lights on the ceiling.,in stock,new,34.50 EUR,https://shop.example.com/products/gb-new-1,https://shop.example.com/images/gb-new-1.jpg,Little Sprout,4,12,space";
    private readonly string _feed = Path.Combine(Path.GetTempPath(), $"giftbot-publish-{Guid.NewGuid():N}.csv");

    [Fact]
    public async Task RefusesAFeedWithTooManyBadRows_BeforeItReachesTheSharedStore()
    {
        await File.WriteAllTextAsync(_feed, string.Join('\n', Header, GoodRow, "broken,row"));
        var output = new StringWriter();

        var exit = await CatalogPublishCommand.RunAsync(["catalog", "publish", _feed], new ConfigurationBuilder().Build(), output, CancellationToken.None);

        Assert.Equal(CatalogImportCommand.Refused, exit);
        Assert.Contains("Catalog:MaxRejectedPercent", output.ToString());
        Assert.DoesNotContain("Published", output.ToString());
    }

    public void Dispose() => File.Delete(_feed);
}
