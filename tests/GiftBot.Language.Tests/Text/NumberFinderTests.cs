using GiftBot.Language.Text;

namespace GiftBot.Language.Tests.Text;

public sealed class NumberFinderTests
{
    [Theory]
    [InlineData("eight", 8)]
    [InlineData("twenty-five", 25)]
    [InlineData("twenty five", 25)]
    [InlineData("a hundred", 100)]
    [InlineData("one hundred and fifty", 150)]
    [InlineData("two thousand", 2000)]
    [InlineData("1,000", 1000)]
    [InlineData("19,99", 19.99)]
    [InlineData("40.50", 40.5)]
    [InlineData("5k", 5000)]
    [InlineData("seventh", 7)]
    [InlineData("21st", 21)]
    [InlineData("twenty-first", 21)]
    public void ReadsNumbersInDigitsAndWords(string text, double value) =>
        Assert.Equal((decimal)value, Assert.Single(NumberFinder.Find(Tokenizer.Tokenize(text))).Value);

    [Fact]
    public void LeavesOutNumbersTooLargeToBeAnAgeACountOrAPrice() =>
        Assert.Equal([8m], NumberFinder.Find(Tokenizer.Tokenize("999999999999 or 8")).Select(n => n.Value));

    [Fact]
    public void KeepsSeparateNumbersSeparate() =>
        Assert.Equal([5m, 8m], NumberFinder.Find(Tokenizer.Tokenize("five and eight")).Select(n => n.Value));

    [Fact]
    public void SplitsDigitsFromUnitsAndContractions()
    {
        Assert.Equal(["8", "yo"], Tokenizer.Tokenize("8yo").Select(t => t.Lower));
        Assert.Equal(["40", "€"], Tokenizer.Tokenize("40€").Select(t => t.Lower));
        Assert.Equal(["she", "'s", "10"], Tokenizer.Tokenize("she’s 10").Select(t => t.Lower));
        Assert.Equal(["doesn", "'t", "like"], Tokenizer.Tokenize("doesn't like").Select(t => t.Lower));
    }

    [Theory]
    [InlineData("dinosors", "dinosaurs", 2, 2)]
    [InlineData("rokets", "rockets", 1, 1)]
    [InlineData("neice", "niece", 1, 1)]
    [InlineData("spase", "rockets", 1, 2)]
    // Longer than the rows kept on the stack: the same answer from rows on the heap.
    [InlineData("supercalifragilisticexpialidocious-and-antidisestablishmentarianism-too", "supercalifragilisticexpialidocious-and-antidisestalbishmentarianism-too", 1, 1)]
    [InlineData("supercalifragilisticexpialidocious-and-antidisestablishmentarianism-too", "supercalifragilisticexpialidocious-and-antidisestalbishmentarianism-two", 1, 2)]
    public void BoundsEditDistance(string a, string b, int max, int expected) =>
        Assert.Equal(expected, EditDistance.Bounded(a, b, max));
}
