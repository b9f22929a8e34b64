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
    // Settling on an amount: "make it 30" had no budget and its "make" was a wish for crafts.
    [InlineData("make it 30", null, "30", null)]
    [InlineData("can we make that 25", null, "25", null)]
    [InlineData("let's say 40", null, "40", null)]
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
    // A figure the shopper names is a ceiling, however it is hedged: nothing over it is shown.
    [InlineData("around 25 €", null, "25", "EUR")]
    [InlineData("about £50", null, "50", "GBP")]
    [InlineData("40ish", null, "40", null)]
    [InlineData("around 40 max", null, "40", null)]
    [InlineData("no more than 20", null, "20", null)]
    [InlineData("30 tops", null, "30", null)]
    // A negated lower bound is a ceiling.
    [InlineData("I don't want to spend more than 50", null, "50", null)]
    [InlineData("can't spend more than twenty", null, "20", null)]
    [InlineData("nothing over 40", null, "40", null)]
    [InlineData("we don't want to go over 30 euros", null, "30", "EUR")]
    [InlineData("more than 20", "20", null, null)]
    // Money words and a glued "e".
    [InlineData("under a tenner", null, "10", "GBP")]
    [InlineData("got a fiver", null, "5", "GBP")]
    [InlineData("gift for a 10 year old into science, two tenners", null, "20", "GBP")]
    [InlineData("3 fivers for my 6 year old niece", null, "15", "GBP")]
    [InlineData("a twenty for my 7 yr old nephew who loves space", null, "20", null)]
    [InlineData("gift for a 9yr old boy, 25, football", null, "25", null)]
    [InlineData("my nephew is 8, loves minecraft, a fifty max", null, "50", null)]
    [InlineData("max 20e", null, "20", "EUR")]
    [InlineData("25e max, 7 year old, puzzles", null, "25", "EUR")]
    [InlineData("cap is 12, 8 year old, loves animals", null, "12", null)]
    [InlineData("the limit is 40", null, "40", null)]
    [InlineData("retiring colleague, keen gardener, 30 from all of us", null, "30", null)]
    [InlineData("my bestie is a plant mum, 25", null, "25", null)]
    [InlineData("something for my uncle, a big fishing man, 40", null, "40", null)]
    [InlineData("teen who is into k-pop, 14, 25 max", null, "25", null)]
    [InlineData("20 at most for my 8 year old nephew who loves dinosaurs", null, "20", null)]
    [InlineData("20-ish for my 8 year old nephew who loves dinosaurs", null, "20", null)]
    [InlineData("can go to 20 for my 8 year old nephew who loves dinosaurs", null, "20", null)]
    [InlineData("20 would be ideal for my 8 year old nephew who loves dinosaurs", null, "20", null)]
    [InlineData("20 give or take for my 8 year old nephew who loves dinosaurs", null, "20", null)]
    [InlineData("15-20 for my 8 year old nephew who loves dinosaurs", "15", "20", null)]
    [InlineData("15 to 20 for a 8 year old who loves dinosaurs", "15", "20", null)]
    [InlineData("price range 20-30", "20", "30", null)]
    [InlineData("somewhere in the 25-35 range, 8 year old, animals", "25", "35", null)]
    [InlineData("I'd say 30 is the ceiling, 8 year old nephew, into space", null, "30", null)]
    [InlineData("boy 6 lego 25", null, "25", null)]
    [InlineData("lego is his thing, he's 7, 30", null, "30", null)]
    [InlineData("she spends hours painting, she's 9, 20", null, "20", null)]
    [InlineData("my 10 year old loves fishing with his grandad, 25", null, "25", null)]
    // The age next to the amount is not part of it: no 11-40 range, no budget of 9, and a leading amount is read.
    [InlineData("grandson 11 - 40 euros - lego technic", null, "40", "EUR")]
    [InlineData("budget 25 girl 9 science", null, "25", null)]
    [InlineData("30 for my 3yo son who loves trains", null, "30", null)]
    [InlineData("nephew 8, 20-30 euros, lego", "20", "30", "EUR")]
    // A bare range after the age is the budget's both ends, not just its top.
    [InlineData("need a present for a 12yo girl who is into makeup and taylor swift, 25-35", "25", "35", null)]
    [InlineData("for my niece 9, loves art, 25-35", "25", "35", null)]
    // How soon it is needed is no amount.
    [InlineData("need it within 2 weeks, for my son 5, max 30", null, "30", null)]
    [InlineData("need it within 2 weeks, for my son 5", null, null, null)]
    // "one thing:" opens a remark (d4852): no amount of 1 after the real one.
    [InlineData("hi! 10 year old, into science and space, 35 tops. one thing: no screens whatsoever.", null, "35", null)]
    [InlineData("8yo, loves space, 25. oh and one more thing, no books", null, "25", null)]
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
        Assert.Equal(new Budget(null, 30, "USD", PerGift: true, Count: 2), entities.Budget?.Value);
    }

    [Theory]
    [InlineData("25 each for my nephews", true, 2)]
    [InlineData("something for the twins, 30", true, 2)]
    [InlineData("two kids who love lego, under 40", true, 2)]
    [InlineData("50 euros for both of them", false, 2)]
    [InlineData("a gift for my niece under 40", false, 1)]
    [InlineData("twin 4yos who love music, 15 a piece", true, 2)]
    [InlineData("party bag gift for a 5 year old, 2 quid each, about 10 kids", true, 10)]
    [InlineData("budget 3 kids 60 total", false, 3)]
    public void ReadsAPerGiftBudget_AndHowManyGifts(string text, bool perGift, int count)
    {
        var budget = TestVocabulary.Extract(text).Budget?.Value;
        Assert.NotNull(budget);
        Assert.Equal((perGift, count), (budget.PerGift, budget.Count));
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
