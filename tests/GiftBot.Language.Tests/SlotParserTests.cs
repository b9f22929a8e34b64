using GiftBot.Language.Analysis;

namespace GiftBot.Language.Tests;

public sealed class SlotParserTests
{
    private readonly SlotParser _parser = new(Lexicon.Load());

    [Theory]
    [InlineData("8", 8, 8)]
    [InlineData("eight", 8, 8)]
    [InlineData("8 years old", 8, 8)]
    [InlineData("she's 10", 10, 10)]
    [InlineData("5-8", 5, 8)]
    [InlineData("between 5 and 8", 5, 8)]
    [InlineData("in his twenties", 20, 29)]
    public void ParsesAgeAnswers_WithBareNumbers(string text, int min, int max) =>
        Assert.Equal(new AgeRange(min, max), _parser.ParseAge(text));

    [Fact]
    public void ParsesAStageWordAnswer_AsABand() =>
        Assert.Equal(new AgeRange(13, 17) { IsBand = true }, _parser.ParseAge("a teenager"));

    // Two years or less wide: a product must fit both, so a 3+ toy never reaches a 2-year-old toddler.
    [Fact]
    public void ParsesANarrowStageWordAnswer_AsAgesAProductMustFitEveryOneOf() =>
        Assert.Equal(new AgeRange(2, 3), _parser.ParseAge("a toddler"));

    [Theory]
    [InlineData("-3", -3)]
    [InlineData("250", 250)]
    [InlineData("0", 0)]
    public void ReturnsAbsurdAgesAsWritten_SoTheDialogCanRefuseThem(string text, int age) =>
        Assert.Equal(new AgeRange(age, age), _parser.ParseAge(text));

    [Theory]
    [InlineData("no idea")]
    [InlineData("")]
    [InlineData("$30")]
    [InlineData("my nephew")]
    public void ReturnsNoAge_WhenTheAnswerHoldsNone(string text) => Assert.Null(_parser.ParseAge(text));

    [Theory]
    [InlineData("30", null, "30", null)]
    [InlineData("$30", null, "30", "USD")]
    [InlineData("30 euros", null, "30", "EUR")]
    [InlineData("under 40", null, "40", null)]
    [InlineData("20-30", "20", "30", null)]
    [InlineData("between 20 and 30 €", "20", "30", "EUR")]
    [InlineData("around 25", null, "25", null)]
    [InlineData("0", null, "0", null)]
    public void ParsesBudgetAnswers_WithBareNumbers(string text, string? min, string? max, string? currency) =>
        Assert.Equal(new Budget(Parse(min), Parse(max), currency), _parser.ParseBudget(text));

    [Fact]
    public void ParsesNoLimit() => Assert.True(_parser.ParseBudget("money is no object")?.NoLimit);

    [Theory]
    [InlineData("not sure")]
    [InlineData("8 years old")]
    [InlineData("cheap")]
    public void ReturnsNoBudget_WhenTheAnswerHoldsNone(string text) => Assert.Null(_parser.ParseBudget(text));

    private static decimal? Parse(string? value) => value is null ? null : decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
