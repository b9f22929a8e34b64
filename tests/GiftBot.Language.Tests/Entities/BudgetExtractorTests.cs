namespace GiftBot.Language.Tests.Entities;

public sealed class BudgetExtractorTests
{
    [Theory]
    [InlineData("$40", null, "40", "USD")]
    [InlineData("40$", null, "40", "USD")]
    [InlineData("40€", null, "40", "EUR")]
    [InlineData("€ 40", null, "40", "EUR")]
    [InlineData("40 euros", null, "40", "EUR")]
    [InlineData("£25", null, "25", "GBP")]
    [InlineData("30 quid", null, "30", "GBP")]
    [InlineData("fifty bucks", null, "50", "USD")]
    [InlineData("19,99 €", null, "19.99", "EUR")]
    [InlineData("under 40", null, "40", null)]
    [InlineData("max 40", null, "40", null)]
    [InlineData("40 dollars max", null, "40", "USD")]
    [InlineData("up to 60", null, "60", null)]
    [InlineData("no more than 35 euros", null, "35", "EUR")]
    [InlineData("my budget is 50", null, "50", null)]
    [InlineData("at least 20", "20", null, null)]
    [InlineData("between 20 and 30", "20", "30", null)]
    [InlineData("20-30", null, null, null)]
    [InlineData("20-30 dollars", "20", "30", "USD")]
    [InlineData("$20-$30", "20", "30", "USD")]
    [InlineData("from 15 to 25 euros", "15", "25", "EUR")]
    [InlineData("around 25 €", "20", "30", "EUR")]
    [InlineData("about £50", "40", "60", "GBP")]
    [InlineData("40ish", "32", "48", null)]
    public void ReadsAmountsQualifiersAndCurrency(string text, string? min, string? max, string? currency)
    {
        var budget = TestVocabulary.Extract(text).Budget?.Value;
        if (min is null && max is null) { Assert.Null(budget); return; }
        Assert.Equal(new Budget(Parse(min), Parse(max), currency), budget);
    }

    [Theory]
    [InlineData("no limit")]
    [InlineData("money is no object")]
    [InlineData("Money's no object for my dad")]
    [InlineData("the sky's the limit")]
    public void RecognizesNoLimit(string text) =>
        Assert.Equal(new Budget(null, null, null, NoLimit: true), TestVocabulary.Extract(text).Budget?.Value);

    [Fact]
    public void KeepsAgesAndBudgetApart_WhenTwoKidsAndAnAmountEach()
    {
        var entities = TestVocabulary.Extract("for my 2 kids aged 5 and 8, 30 dollars each");
        Assert.Equal(new AgeRange(5, 8), entities.Age?.Value);
        Assert.Equal(new Budget(null, 30, "USD"), entities.Budget?.Value);
    }

    [Fact]
    public void KeepsAgesAndBudgetApart_WhenAgeComesFirst()
    {
        var entities = TestVocabulary.Extract("my 8 year old nephew, max 40 dollars");
        Assert.Equal(new AgeRange(8, 8), entities.Age?.Value);
        Assert.Equal(new Budget(null, 40, "USD"), entities.Budget?.Value);
    }

    [Fact]
    public void KeepsBudgetRange_WhenItFollowsARecipientAndComma() =>
        Assert.Equal(new Budget(20, 30, "USD"), TestVocabulary.Extract("for my coworker, 20-30 dollars").Budget?.Value);

    private static decimal? Parse(string? value) => value is null ? null : decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
