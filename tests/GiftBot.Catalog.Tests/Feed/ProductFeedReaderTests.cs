using GiftBot.Catalog.Feed;
using GiftBot.Catalog.Tests.Support;

namespace GiftBot.Catalog.Tests.Feed;

public class ProductFeedReaderTests
{
    private static Task<FeedReadResult> ReadAsync(string csv, string currency = "EUR") =>
        ProductFeedReader.ReadAsync(new StringReader(csv), currency, CancellationToken.None);

    private static FeedRowError SingleError(FeedReadResult result) => Assert.Single(result.Errors);

    [Fact]
    public async Task ReportsEachBadRowByLineNumber_AndKeepsTheGoodRows()
    {
        var csv = Feeds.Csv(
            Feeds.Row("ok-1"),
            Feeds.Row("bad-price", price: "twelve euros"),
            Feeds.Row("ok-2"),
            Feeds.Row("bad-availability", availability: "sold out"),
            Feeds.Row("no-title", title: ""),
            Feeds.Row("ok-1", title: "Another Rocket"),
            Feeds.Row("dollars", price: "19.99 USD"),
            Feeds.Row("ok-3"));

        var result = await ReadAsync(csv);

        Assert.Equal(["ok-1", "ok-2", "ok-3"], result.Products.Ids());
        Assert.Equal([3, 5, 6, 7, 8], result.Errors.Select(e => e.LineNumber));
        Assert.Contains("price 'twelve euros'", result.Errors[0].Reason);
        Assert.Contains("availability 'sold out' is not one of: in stock, out of stock", result.Errors[1].Reason);
        Assert.Contains("title is missing", result.Errors[2].Reason);
        Assert.Contains("duplicate id 'ok-1' (already imported from line 2)", result.Errors[3].Reason);
        Assert.Contains("currency USD does not match the shop currency EUR", result.Errors[4].Reason);
        Assert.Equal("line 3 (bad-price): " + result.Errors[0].Reason, result.Errors[0].ToString());
    }

    [Theory]
    [InlineData("12.50 EUR", 12.50)]
    [InlineData("12.50", 12.50)]
    [InlineData("7 eur", 7)]
    [InlineData("1299.9 EUR", 1299.9)]
    public async Task AcceptsFacebookPriceFormats(string price, decimal expected)
    {
        var result = await ReadAsync(Feeds.Csv(Feeds.Row("p", price: price)));

        Assert.Equal(expected, Assert.Single(result.Products).Price);
        Assert.Equal("EUR", result.Products[0].Currency);
    }

    [Theory]
    [InlineData("12,50 EUR")]
    [InlineData("-3.00 EUR")]
    [InlineData("0.00 EUR")]
    [InlineData("12.505 EUR")]
    [InlineData("EUR 12.50")]
    [InlineData("")]
    public async Task RejectsMalformedOrNonPositivePrices(string price)
    {
        var result = await ReadAsync(Feeds.Csv(Feeds.Row("p", price: $"\"{price}\"")));

        Assert.Empty(result.Products);
        Assert.Contains("price", SingleError(result).Reason);
    }

    [Theory]
    [InlineData("In Stock", "in stock")]
    [InlineData("out_of_stock", "out of stock")]
    [InlineData("preorder", "preorder")]
    public async Task NormalizesAvailabilitySpellings(string raw, string expected)
    {
        var result = await ReadAsync(Feeds.Csv(Feeds.Row("p", availability: raw)));

        Assert.Equal(expected, Assert.Single(result.Products).Availability);
    }

    [Fact]
    public async Task RejectsUnknownCondition_AgeRangeReversed_AndNonHttpsLinks_AllReasonsInOneError()
    {
        var result = await ReadAsync(Feeds.Csv(Feeds.Row("p", condition: "mint", ageMin: 12, ageMax: 8, link: "http://shop.example.com/p")));

        var reason = SingleError(result).Reason;
        Assert.Contains("condition 'mint' is not one of: new, refurbished, used", reason);
        Assert.Contains("age_min 12 is greater than age_max 8", reason);
        Assert.Contains("link 'http://shop.example.com/p' is not an absolute https URL", reason);
    }

    [Fact]
    public async Task RejectsAgesThatAreNotWholeYearsUpTo120()
    {
        var csv = Feeds.Csv(Feeds.Row("p", ageMin: 0, ageMax: 130), Feeds.Row("q").Replace(",6,12,", ",six,12,"));

        var result = await ReadAsync(csv);

        Assert.Contains("age_max '130'", result.Errors[0].Reason);
        Assert.Contains("age_min 'six'", result.Errors[1].Reason);
    }

    [Fact]
    public async Task ReportsRowsWithTheWrongNumberOfFields()
    {
        var result = await ReadAsync(Feeds.Csv(Feeds.Row("p", description: "Red, blue and green")));

        Assert.Contains("the row has 13 fields but the header has 12", SingleError(result).Reason);
        Assert.Equal(2, result.Errors[0].LineNumber);
    }

    [Fact]
    public async Task ReportsStrayQuotes_AndReadsOnAfterThem()
    {
        var result = await ReadAsync(Feeds.Csv(Feeds.Row("bad", title: "Kite \"Deluxe\""), Feeds.Row("ok")));

        Assert.Equal(["ok"], result.Products.Ids());
        Assert.Equal(2, SingleError(result).LineNumber);
        Assert.Contains("not valid CSV", result.Errors[0].Reason);
    }

    [Fact]
    public async Task CountsLinesOfQuotedMultiLineDescriptions()
    {
        var csv = Feeds.Csv(Feeds.Row("multi", description: "\"First line,\nsecond line\""), Feeds.Row("bad", price: "x"));

        var result = await ReadAsync(csv);

        Assert.Equal("First line,\nsecond line", Assert.Single(result.Products).Description);
        Assert.Equal(4, SingleError(result).LineNumber);
    }

    [Fact]
    public async Task MissingOptionalColumns_MeanAllAgesAndNoThemes()
    {
        var csv = "id,title,description,availability,condition,price,link,image_link\n"
            + "p,Gift Card,A card.,in stock,new,25.00 EUR,https://shop.example.com/p,https://shop.example.com/p.jpg\n";

        var product = Assert.Single((await ReadAsync(csv)).Products);

        Assert.Equal((0, 120), (product.MinAge, product.MaxAge));
        Assert.Empty(product.Interests);
        Assert.Equal("", product.Brand);
    }

    [Fact]
    public async Task NormalizesInterestNames()
    {
        var product = Assert.Single((await ReadAsync(Feeds.Csv(Feeds.Row("p", interests: "Space| Board  Games ||space")))).Products);

        Assert.Equal(["space", "board games"], product.Interests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sku,name,price\n1,Kite,5.00 EUR\n")]
    public async Task RefusesFilesThatAreNotProductFeeds(string csv)
    {
        await Assert.ThrowsAsync<FeedFormatException>(() => ReadAsync(csv));
    }

    [Fact]
    public async Task NamesTheMissingRequiredColumns()
    {
        var error = await Assert.ThrowsAsync<FeedFormatException>(() => ReadAsync("id,title,price\n1,Kite,5.00 EUR\n"));

        Assert.Contains("description, availability, condition, link, image_link", error.Message);
    }
}
