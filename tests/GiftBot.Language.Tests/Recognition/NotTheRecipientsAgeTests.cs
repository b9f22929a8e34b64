namespace GiftBot.Language.Tests.Recognition;

/// <summary>
/// Numbers beside an adult recipient that say how long or which time, not how old ("1 yr anniversary", "8 months
/// pregnant", "2 months now", "her 1st grandson"): no age is read from them, so the recipient's band (a wife is an adult)
/// stands and no baby products follow. An age written as someone's age stays ("my sister in law's 3 year old").
/// </summary>
public sealed class NotTheRecipientsAgeTests(MeaningModelFixture fixture) : IClassFixture<MeaningModelFixture>
{
    private ShopperUnderstanding Understand(string text) => fixture.Model.Recognize(text).ToShopperUnderstanding();

    [Theory]
    [InlineData("paper anniversary (1 yr) for the hubby, he loves jigsaws, €30")]
    [InlineData("been dating 1 year, gf loves candles and bubble baths, 35")]
    [InlineData("my wife 1st mothers day, she loves puzzles, 35 max")]
    [InlineData("grandad's 1st birthday since he retired, keen gardener, 40")]
    [InlineData("grandmother in a care home 2 months now, likes puzzles, 20")]
    [InlineData("its our one year!! for my boyfriend, loves football, 40")]
    [InlineData("gift for my pregnant wife (6 months), she likes reading, 30")]
    [InlineData("colleague leaving after 1 year with us, big reader, collection came to 30")]
    [InlineData("new grandad - his 1st grandson arrived on monday - he loves trains, 40")]
    public void ANumberThatIsNotTheAdultRecipientsAge_LeavesTheirBand(string text)
    {
        var understanding = Understand(text);

        Assert.Null(understanding.Age);
        Assert.Equal("adult", understanding.ImpliedAge?.Name);
    }

    [Theory]
    [InlineData("my sister is 8 months pregnant, something for HER not the baby, she loves candles, 30")]
    [InlineData("xmas in 1 month and i still need a gift for my nephew, he loves golf, 40")]
    [InlineData("my friend is due in 2 months, she reads loads, 25")]
    [InlineData("uncle, 9 months sober, into cooking, 50")]
    [InlineData("gift for my sister who just had her 1st baby, she loves reading, 30")]
    public void HowLongOrWhenIsNoAge(string text)
    {
        Assert.Null(Understand(text).Age);
    }

    [Theory]
    [InlineData("my sister in law's 3 year old loves animals, 20", 3)]
    [InlineData("for my colleague, her son is 6, likes lego, 20", 6)]
    [InlineData("18 month old nephew, 20", 1)]
    [InlineData("my son is 15 months, animals, 20", 1)]
    [InlineData("my wife is 29, she likes baking, around 50", 29)]
    [InlineData("his 1st bday!! nephew, he loves animals, 20", 1)]
    public void AnAgeSaidOfSomeone_IsKept(string text, int age)
    {
        Assert.Equal(new AgeRange(age, age), Understand(text).Age);
    }
}
