namespace GiftBot.Language.Tests.Recognition;

/// <summary>
/// When the shopper's words disagree about the age ("my toddler, 18": months?), the recognizer gives no age and implies
/// none, and says it is unsure, so the bot asks instead of showing products for a guessed age.
/// </summary>
public sealed class UnsureAgeTests(MeaningModelFixture fixture) : IClassFixture<MeaningModelFixture>
{
    private ShopperUnderstanding Understand(string text) => fixture.Model.Recognize(text).ToShopperUnderstanding();

    [Theory]
    [InlineData("my toddler, 18, loves music, 20")]
    [InlineData("baby girl, 9, loves animals, 15")]
    [InlineData("my teenage son, 8, loves lego, 20")]
    [InlineData("a toddler aged 7 who loves cars, 20")]
    [InlineData("my newborn nephew (3), loves animals, 20")]
    public void AnAgeTheStageWordDisagreesWith_IsAskedNotGuessed(string text)
    {
        var understanding = Understand(text);

        Assert.Null(understanding.Age);
        Assert.Null(understanding.ImpliedAge);
        Assert.True(understanding.AgeUnsure);
    }

    [Theory]
    [InlineData("my baby brother is 6 and loves lego, 20", 6)]
    [InlineData("a 7 year old who loves baby dolls, 15", 7)]
    [InlineData("she's not a baby anymore, she's 5, loves music, 20", 5)]
    [InlineData("teenage son of 15, into cooking, 40", 15)]
    [InlineData("my 17 year old (nearly an adult!) into music, 40", 17)]
    [InlineData("my toddler is 2 and loves music, 20", 2)]
    public void AnAgeTheWordsAgreeWith_IsKept(string text, int age)
    {
        var understanding = Understand(text);

        Assert.Equal(new AgeRange(age, age), understanding.Age);
        Assert.False(understanding.AgeUnsure);
    }
}
