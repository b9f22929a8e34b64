namespace GiftBot.Language.Tests.Entities;

public sealed class AgeExtractorTests
{
    [Theory]
    [InlineData("a twenty year old who likes yoga", 20, 20)]
    [InlineData("my son (6 1/2) loves lego, 30", 6, 6)]
    [InlineData("18mths old boy, loves cars, 20", 1, 1)]
    [InlineData("gift for a 9yr old boy, 25, football", 9, 9)]
    [InlineData("a twenty-something who likes yoga, 30", 20, 29)]
    [InlineData("my 8 year old nephew", 8, 8)]
    [InlineData("he is eight", 8, 8)]
    [InlineData("a gift for an 8yo", 8, 8)]
    [InlineData("she's turning 7 next week", 7, 7)]
    [InlineData("a five-year-old who likes cars", 5, 5)]
    [InlineData("my son aged twenty-one", 21, 21)]
    [InlineData("for my 2 kids aged 5 and 8", 5, 8)]
    [InlineData("ages 6 to 9", 6, 9)]
    [InlineData("her 7th birthday", 7, 7)]
    [InlineData("his fortieth birthday", 40, 40)]
    [InlineData("my aunt in her twenties", 20, 29)]
    [InlineData("dad is in his late 50s", 57, 59)]
    [InlineData("a baby of 8 months", 0, 0)]
    [InlineData("for kids under 5", 0, 4)]
    [InlineData("my grandma, 70, loves knitting", 70, 70)]
    [InlineData("present for my nephew - 9 - obsessed with football", 9, 9)]
    [InlineData("a gift for a boy of five", 5, 5)]
    [InlineData("gift 4 my neice shes 5", 5, 5)]
    [InlineData("sweet sixteen present for my niece", 16, 16)]
    [InlineData("her 40th is coming up", 40, 40)]
    [InlineData("grandad's 80th, he loves golf", 80, 80)]
    [InlineData("my twins are 9", 9, 9)]
    [InlineData("my son and daughter are both 6", 6, 6)]
    [InlineData("for the twins (5) who love dressing up", 5, 5)]
    [InlineData("ages 5 & 8", 5, 8)]
    [InlineData("a 2nd grader who loves volcanoes", 7, 8)]
    [InlineData("my granddaughter is in 4th grade", 9, 10)]
    [InlineData("my daughter is in year 3 and loves baking", 7, 8)]
    [InlineData("my grandson is 2 years and 3 months, loves diggers", 2, 2)]
    [InlineData("my grandkids (6 and 10) are into science", 6, 10)]
    [InlineData("gift for a preschooler (4) who loves puzzles, around 15", 4, 4)]
    [InlineData("teen who is into k-pop, 14, 25 max", 14, 14)]
    [InlineData("boy almost 9, space mad, 25", 8, 9)]
    [InlineData("my 30 something sister loves gardening, 30", 30, 39)]
    [InlineData("a forty-something dad who cooks, 40", 40, 49)]
    [InlineData("my niece, nearly 4, loves animals", 3, 4)]
    [InlineData("niece nearly 5, likes dressing up, 20", 4, 5)]
    [InlineData("gift for an 18m old who loves animals, up to 15", 1, 1)]
    [InlineData("she is almost 1", 0, 1)]
    [InlineData("my 40 year old brother's 3 year old loves dinosaurs, 20", 3, 3)]
    [InlineData("my 10 yo son's 6 year old friend", 6, 6)]
    [InlineData("a 3+ puzzle for my son, 15", 3, 3)]
    [InlineData("any 8+ science kits for my niece", 8, 8)]
    [InlineData("a teenager into drawing, 16, max 30", 16, 16)]
    [InlineData("my 10 year old loves fishing with his grandad, 25", 10, 10)]
    [InlineData("8, art, 20", 8, 8)]
    [InlineData("lego is his thing, he's 7, 30", 7, 7)]
    [InlineData("three grandkids, 5, 7 and 9, 20 each", 5, 9)]
    [InlineData("my two girls, both 8, both into arts and crafts, 25 a piece", 8, 8)]
    [InlineData("3 cousins, all about 10, minecraft, 15 each", 10, 10)]
    [InlineData("my nephews are all aged 9", 9, 9)]
    [InlineData("a 2 and a half year old who loves trucks, 20", 2, 2)]
    [InlineData("boy in first class at school, loves trains", 6, 7)]
    [InlineData("neph 8 lego 30", 8, 8)]
    [InlineData("gd 6 unicorns 20", 6, 6)]
    public void ReadsAgeFromNumbers(string text, int min, int max) =>
        Assert.Equal(new AgeRange(min, max), TestVocabulary.Extract(text).Age?.Value);

    [Theory]
    [InlineData("something for a toddler", 2, 3)]
    [InlineData("a present for a baby", 0, 1)]
    [InlineData("gift for a teenager", 13, 17)]
    [InlineData("gift for an adult", 18, 99)]
    [InlineData("a kindergartener who loves dinosaurs", 5, 6)]
    [InlineData("my son's in reception and is dinosaur crazy", 4, 5)]
    [InlineData("for a primary school boy who likes drawing comics", 4, 12)]
    [InlineData("a high schooler who loves chess", 13, 17)]
    public void ReadsAgeFromStageWords(string text, int min, int max) =>
        // A stage word is one person somewhere in the band (products need only overlap it), unlike stated ages.
        Assert.Equal(new AgeRange(min, max) { IsBand = true }, TestVocabulary.Extract(text).Age?.Value);

    [Fact]
    public void SeveralStatedAges_AreNoBand() => Assert.False(TestVocabulary.Extract("my 5 and 8 year old").Age?.Value.IsBand ?? true);

    [Theory]
    [InlineData("50th wedding anniversary for my parents")]
    [InlineData("our 10th anniversary")]
    public void AnAnniversaryIsNoAge(string text) => Assert.Null(TestVocabulary.Extract(text).Age);

    [Theory]
    [InlineData("a gift for my primary school teacher")]
    [InlineData("wedding reception gift for my cousin")]
    public void ATeacherOrAnEventIsNoSchoolStage(string text) => Assert.Null(TestVocabulary.Extract(text).Age);

    [Theory]
    [InlineData("no, she's 10", 10)]
    [InlineData("actually he's 12", 12)]
    [InlineData("she's 8, sorry, she's 10", 10)]
    [InlineData("she is turning 6 not 5", 6)]
    public void CorrectionKeepsTheLastAge(string text, int age) =>
        Assert.Equal(new AgeRange(age, age), TestVocabulary.Extract(text).Age?.Value);

    [Theory]
    [InlineData("for my 2 kids")]
    [InlineData("30 dollars each")]
    [InlineData("what's 12 times 7")]
    [InlineData("show me 3 more")]
    [InlineData("under 40 please")]
    [InlineData("first class delivery please")]
    [InlineData("my bestie is a plant mum, 25")]
    [InlineData("she's a real cat lady, 30")]
    [InlineData("something for my uncle, a big fishing man, 40")]
    [InlineData("we're all about 30 quid")]
    public void DoesNotMistakeOtherNumbersForAges(string text) =>
        Assert.Null(TestVocabulary.Extract(text).Age);
}
