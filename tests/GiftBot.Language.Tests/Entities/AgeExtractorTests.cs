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
    [InlineData("gift for a 10 week old baby, 20", 0, 0)]
    [InlineData("a 6-week-old girl", 0, 0)]
    [InlineData("my 3 day old nephew", 0, 0)]
    [InlineData("party in 2 weeks for my 7 year old", 7, 7)]
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
    [InlineData("my 1.5 year old loves music, 20", 1, 1)]
    [InlineData("a 5 and up toy for my nephew, 20", 5, 5)]
    [InlineData("I'm a 35 year old dad looking for something for my 4 year old, 20", 4, 4)]
    [InlineData("as a 25 year old aunt i want something for my niece who is 3, 20", 3, 3)]
    [InlineData("i'm a 30 year old woman treating myself, loves yoga, 40", 30, 30)]
    [InlineData("my 40 year old brother's birthday, he likes golf", 40, 40)]
    [InlineData("my 5 year old's birthday, loves cars", 5, 5)]
    [InlineData("any 8+ science kits for my niece", 8, 8)]
    // Scottish primary and Irish or Scottish secondary years; "going on 5" is nearly 5.
    [InlineData("gift for my son who's in P5 - making bracelets - €25", 9, 10)]
    [InlineData("my grandson is in primary 4, loves trains", 8, 9)]
    [InlineData("gift for my son who's in first year of secondary - cars - £40", 12, 13)]
    [InlineData("grandson in secondary 1, into dinosaurs, €30 max", 12, 13)]
    [InlineData("my niece is in S2 and loves art", 13, 14)]
    [InlineData("daughter is going on 5, big into rockets, no more than 25", 4, 5)]
    [InlineData("granddaughter, 14 going on 30 lol, into makeup, 25", 14, 14)]
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
    // An age among several numbers, written the way a hurried shopper does.
    [InlineData("a 10-and-a-half year old who loves science experiments, 30", 10, 10)]
    [InlineData("grandson 11 - 40 euros - lego technic", 11, 11)]
    [InlineData("budget 25 girl 9 science", 9, 9)]
    // How long, how tall, how many pieces and "the older one" are not ages.
    [InlineData("she's been riding horses for 3 years, she's 11, 30", 11, 11)]
    [InlineData("he has played piano for 5 years, my son is 14, 40", 14, 14)]
    [InlineData("my 8 year old wants a 500 piece jigsaw, 20 max", 8, 8)]
    [InlineData("I have 2 kids 4 and 9, want a gift for the older one, 30", 4, 9)]
    [InlineData("niece (almost 13) into makeup, 25", 12, 13)]
    [InlineData("neph 8 lego 30", 8, 8)]
    [InlineData("gd 6 unicorns 20", 6, 6)]
    // An age set off by commas, after a height, a joke age or a name; a relative's age that only places the recipient.
    [InlineData("she doesnt read much, 11, loves animals, 25 max", 11, 11)]
    [InlineData("ella, 6, horses, 20", 6, 6)]
    [InlineData("he's outgrown trains, 7 now, loves cars, 25", 7, 7)]
    [InlineData("my son is 6 foot tall but only 12, loves basketball, 40", 12, 12)]
    [InlineData("she's 5'2 and 13, into art, 30", 13, 13)]
    [InlineData("9 going on 16, loves makeup, 25", 9, 9)]
    [InlineData("Tommy is 8 and loves racing cars, 30", 8, 8)]
    [InlineData("my son is 5, his sister is 8, he loves dinosaurs, 20", 5, 5)]
    [InlineData("my daughter is 3 and her cousin is 9, loves music, 15", 3, 3)]
    [InlineData("grandson is 10, his little sister 4, gift is for him, 40", 10, 10)]
    [InlineData("my son is 5 and his sister is 8, 20 each", 5, 8)]
    [InlineData("grandson is coming up 4 and he loves tractors, 30", 4, 4)]
    [InlineData("he's coming up to 9, likes lego, 30", 9, 9)]
    [InlineData("rising 5, loves trains, 20", 5, 5)]
    [InlineData("he's too old for dinosaurs now (10), loves robots, 40", 10, 10)]
    [InlineData("my two (both 5) love animals, 10 each", 5, 5)]
    // An age said outright beats the one a holiday implies.
    [InlineData("4 year old granddaughter, its her 2nd christmas with us, likes puzzles, 15", 4, 4)]
    public void ReadsAgeFromNumbers(string text, int min, int max) =>
        Assert.Equal(new AgeRange(min, max), TestVocabulary.Extract(text).Age?.Value);

    [Theory]
    [InlineData("something for a toddler", 2, 3, false)]
    [InlineData("a present for a baby", 0, 1, false)]
    [InlineData("gift for a teenager", 13, 17, true)]
    [InlineData("gift for an adult", 18, 99, true)]
    [InlineData("a kindergartener who loves dinosaurs", 5, 6, false)]
    [InlineData("my son's in reception and is dinosaur crazy", 4, 5, false)]
    [InlineData("grandson who just started school, loves trains, £20", 4, 5, false)]
    [InlineData("for a primary school boy who likes drawing comics", 4, 12, true)]
    [InlineData("a high schooler who loves chess", 13, 17, true)]
    [InlineData("my daughter's almost a teenager and into makeup, 30", 12, 12, true)]
    [InlineData("nearly a teen, likes music, 20", 12, 12, true)]
    [InlineData("kid turning double digits next month, into space, 35", 10, 10, false)]
    [InlineData("she's a year old and loves music, 20", 1, 1, false)]
    [InlineData("she's starting big school in september, loves drawing, 20", 4, 5, false)]
    // Teens placed by their exam year (Ireland, UK); a leaving cert student is given products a 17-year-old may have.
    [InlineData("my girl is in junior cert year, loves music, 40", 14, 15, false)]
    [InlineData("she's in transition year, likes fashion, 50", 15, 16, false)]
    [InlineData("daughter doing her gcses, loves art, £30", 15, 16, false)]
    [InlineData("my nephew is doing his leaving cert, loves football, 30", 17, 17, false)]
    // Someone's nth Christmas: under one at the first. Read from the holiday, so it gives way to an adult recipient.
    [InlineData("baby's first christmas, something with animals, 20", 0, 0, true)]
    // A newborn is not yet one: a baby's toys from 12 months are not for them.
    [InlineData("newborn gift, 30", 0, 0, false)]
    [InlineData("a baby gift, 25", 0, 1, false)]
    [InlineData("baby's 1st xmas present, 20", 0, 0, true)]
    [InlineData("first xmas for our grandson, 30, something musical", 0, 0, true)]
    [InlineData("her second christmas, loves music, 20", 1, 1, true)]
    public void ReadsAgeFromStageWords(string text, int min, int max, bool band) =>
        // A wide stage is one person somewhere in the band (products need only overlap it), unlike stated ages; a stage two
        // years wide or less ("a toddler", "in reception") is as good as stated ages (a product must fit both), as a school year is.
        Assert.Equal(new AgeRange(min, max) { IsBand = band }, TestVocabulary.Extract(text).Age?.Value);

    [Fact]
    public void SeveralStatedAges_AreNoBand() => Assert.False(TestVocabulary.Extract("my 5 and 8 year old").Age?.Value.IsBand ?? true);

    [Theory]
    [InlineData("50th wedding anniversary for my parents")]
    [InlineData("our 10th anniversary")]
    // The shopper's own first Christmas, or one spent somewhere, is no one's age; a first year at uni is a year of study.
    [InlineData("our first christmas together, my boyfriend loves cooking, 40")]
    [InlineData("it's his first christmas in ireland, 30")]
    [InlineData("in his first year at college, loves cooking, 40")]
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
    [InlineData("gift for my 7 yr old's teacher, 20")]
    [InlineData("under 40 please")]
    [InlineData("first class delivery please")]
    [InlineData("my bestie is a plant mum, 25")]
    [InlineData("she's a real cat lady, 30")]
    [InlineData("something for my uncle, a big fishing man, 40")]
    [InlineData("we're all about 30 quid")]
    [InlineData("married 10 years, my wife loves yoga, 50")]
    [InlineData("he's 6 foot tall and loves basketball, 30")]
    [InlineData("Budget is 30, she loves art")]
    [InlineData("Max is 25, he likes lego")]
    [InlineData("Delivery is 5 days or more?")]
    [InlineData("need it within 2 weeks")]
    // "one" after a card's place or look points at a card.
    [InlineData("what age is the last one for")]
    [InlineData("is the second one in stock")]
    [InlineData("more like the pink one")]
    [InlineData("the cheaper one please")]
    public void DoesNotMistakeOtherNumbersForAges(string text) =>
        Assert.Null(TestVocabulary.Extract(text).Age);

    // A letter and a number with a space is no school year.
    [Fact]
    public void ALetterSpacedFromANumber_IsNoSchoolYear() =>
        Assert.Null(TestVocabulary.Extract("p 5 stickers for my son").Age);

    // A first year anywhere but secondary school is a year of study: at uni the stage word's adult ages stand.
    [Fact]
    public void AFirstYearAtUni_IsNoSecondarySchoolYear() =>
        Assert.Equal(new AgeRange(18, 99) { IsBand = true }, TestVocabulary.Extract("in his first year at uni, loves cooking, 40").Age?.Value);
}
