using GiftBot.Language.Entities;

namespace GiftBot.Language.Tests.Entities;

/// <summary>
/// Ages as shoppers write them beside a recipient (issue 9): a number right after the people it is said of, a rough
/// age ("7ish", "9 or so", "roughly 10"), the age of "one" of several, children named with an age before what they
/// like, and school years being started ("going into year 7").
/// </summary>
public sealed class AgesAsWrittenTests
{
    [Theory]
    [InlineData("twins - 8 - love science - 30 each", 8, 8)]
    [InlineData("my godchildren (7 and 9) both love puzzles, 20 each", 7, 9)]
    [InlineData("two grandsons, one is 4 and loves trains, the other is 9 and loves science, 30 each", 4, 9)]
    [InlineData("my kids - Lily 8 likes horses, Sam 5 likes dinosaurs - 25 each", 5, 8)]
    [InlineData("grandkids: Jack 9 (minecraft), Ella 6 (ballet), 30 each", 6, 9)]
    public void ANumberSaidOfThePeopleNamed_IsTheirAge_NotTheBudget(string text, int min, int max)
    {
        var entities = TestVocabulary.Extract(text);

        Assert.Equal(new AgeRange(min, max), entities.Age?.Value);
        Assert.NotNull(entities.Budget);
    }

    [Theory]
    [InlineData("niece, 7ish, loves drawing, 15", 7, 7, 15)]
    [InlineData("a girl of 9 or so who likes crafts, 15", 9, 9, 15)]
    [InlineData("9-10ish boy who loves football, 25", 9, 10, 25)]
    [InlineData("nephew roughly 10, minecraft obsessed, 25", 10, 10, 25)]
    [InlineData("my godson, prob 6 or 7 now, loves lego, 25", 6, 7, 25)]
    [InlineData("boy, 11-12, into science, 35", 11, 12, 35)]
    public void ARoughAgeBesideThePerson_IsTheirAge(string text, int min, int max, int budget)
    {
        var entities = TestVocabulary.Extract(text);

        Assert.Equal(new AgeRange(min, max), entities.Age?.Value);
        Assert.Equal(budget, entities.Budget?.Value.Max);
    }

    [Theory]
    [InlineData("for my niece, 15ish")]
    [InlineData("for my nephew around 30")]
    [InlineData("my coworker, 20-30, loves tea")]
    public void ARoughNumberWithNoOtherAmount_StaysTheBudget(string text)
    {
        var entities = TestVocabulary.Extract(text);

        Assert.Null(entities.Age);
        Assert.NotNull(entities.Budget);
    }

    [Theory]
    [InlineData("my son is going into year 7, loves gaming, 30", 11, 12)]
    [InlineData("nephew just started year 1, likes cars, 15", 5, 6)]
    [InlineData("my daughter's going into year 3, loves crafts, 20", 7, 8)]
    public void AUkSchoolYearBeingStarted_IsItsAges(string text, int min, int max) =>
        Assert.Equal(new AgeRange(min, max), TestVocabulary.Extract(text).Age?.Value);

    [Theory]
    [InlineData("my grandson starts reception in september, he loves trains, 20", 4, 5, false)]
    [InlineData("my niece is in high school, into art, 40", 14, 17, true)]
    [InlineData("high school boy into tech, 50", 14, 17, true)]
    public void SchoolStageWords_AreTheirAges(string text, int min, int max, bool band) =>
        Assert.Equal(new AgeRange(min, max) { IsBand = band }, TestVocabulary.Extract(text).Age?.Value);
}
