using GiftBot.Language.Analysis;
using GiftBot.Language.Entities;
using GiftBot.Language.Text;
using GiftBot.Language.Vocabulary;

namespace GiftBot.Language.Tests.Entities;

/// <summary>Requests typed on a phone, asked as questions, written with emoji or typos (dev batch d608-d738).</summary>
public sealed class ShopperVoiceTests
{
    internal static readonly Lazy<EntityExtractor> CatalogExtractor = new(() =>
    {
        var known = new HashSet<string>(CommonWords.All);
        known.UnionWith(TestVocabulary.TrainingFile.Value.PlainWords());
        var themes = StaticInterestVocabulary.FromThemesCsv(ContentFile("catalog", "themes.csv")).GetInterestTerms();
        return new EntityExtractor(new UtteranceAnalyzer(Lexicon.Load(), themes, known), known);
    });

    [Theory]
    [InlineData("wife yoga 50", 50)]
    [InlineData("mum garden 30", 30)]
    [InlineData("what can i get my dad who loves camping for 40?", 40)]
    [InlineData("I have 50 to spend on my 14 year old who loves music", 50)]
    [InlineData("toddler 2 music 15", 15)]
    // Two numbers side by side after the recipient: the age, then the amount (a range would need "-" or "to").
    [InlineData("daughter 14 40 music", 40)]
    // Fields split by bars as by commas.
    [InlineData("my nephew | 8 | lego | 20", 20)]
    // An amount spent "for both" twins opens the message.
    [InlineData("25 for both twins (9), they like rockets", 25)]
    public void ReadsTheAmountThatClosesATerseOrQuestionRequest(string text, int max) =>
        Assert.Equal(max, CatalogExtractor.Value.Extract(text).Entities.Budget?.Value.Max);

    [Theory]
    [InlineData("13 yr old, anime and manga, 30", "reading")]
    [InlineData("she loves anime, 14, 25", "art")]
    [InlineData("12yo, into rock music and guitar, 40", "music")]
    [InlineData("something techy for my 12yo, 50", "tech")]
    [InlineData("my niece, 11, draws all the time, 20", "art")]
    public void ReadsInterestsWrittenAsWhatTheRecipientDoesOrWatches(string text, string theme) =>
        Assert.Contains(theme, CatalogExtractor.Value.Extract(text).Entities.Interests.Select(i => i.Value));

    [Fact]
    public void RockMusic_IsNotGeology() =>
        Assert.DoesNotContain("science", CatalogExtractor.Value.Extract("12yo, into rock music and guitar, 40").Entities.Interests.Select(i => i.Value));

    [Theory]
    [InlineData("my nephew is 8")]
    [InlineData("for my son who is 12")]
    public void AnAgeAfterIsStaysAnAge(string text)
    {
        var entities = TestVocabulary.Extract(text);
        Assert.Null(entities.Budget);
        Assert.NotNull(entities.Age);
    }

    [Theory]
    [InlineData("999999999999")]
    [InlineData("in year 99999999999999")]
    [InlineData("a 99999999999999th grader")]
    public void AnAbsurdNumber_IsNoSchoolYear_AndNoAge(string text) =>
        Assert.Null(TestVocabulary.Extract(text).Age);

    [Fact]
    public void TwoChildrenWrittenOneAfterTheOther_GiveBothAges() =>
        Assert.Equal(new AgeRange(4, 7), TestVocabulary.Extract("a 7 and a 4 year old who love lego, 30").Age?.Value);

    [Theory]
    [InlineData("my 5 year old 🚒🚜 20", "cars")]
    [InlineData("my 8 yo loves 🦖, 25", "dinosaurs")]
    [InlineData("son 9 ⚽ 30 max", "sports")]
    [InlineData("my 10 yo loves 🚀", "space")]
    [InlineData("mad on footie", "sports")]
    [InlineData("my 13 yo is a total swiftie", "music")]
    [InlineData("loves taking things apart", "science")]
    [InlineData("dad fishing 40 max", "outdoors")]
    [InlineData("he's mad into Paw Patrol", "cars")]
    public void EmojiNicknamesAndFandomsReachTheirThemes(string text, string theme) =>
        Assert.Contains(theme, CatalogExtractor.Value.Extract(text).Entities.Interests.Select(i => i.Value));

    [Theory]
    [InlineData("a little something for my year 3 nephew who loves space, £15", 7, 8)]
    [InlineData("my niece is studying in 2nd standard and likes dolls, 20 only", 7, 8)]
    public void SchoolYearsWrittenTheBritishOrIndianWay_AreAges(string text, int min, int max) =>
        Assert.Equal(new AgeRange(min, max), TestVocabulary.Extract(text).Age?.Value);

    [Theory]
    [InlineData("office secret santa max 20, he's into board games", "colleague")]
    [InlineData("my dauter is 8 and loves cats", "daughter")]
    [InlineData("my neice is 6", "niece")]
    [InlineData("my grandsun is 10", "grandson")]
    public void RecipientTyposStillNameTheRecipient(string text, string recipient) =>
        Assert.Equal(recipient, Assert.Single(TestVocabulary.Extract(text).Recipients).Value);

    // Real words one edit from a theme word were corrected into it: "protein shakes" was a love of snakes (animals),
    // "roots" robots, "trunks" trucks, "snare drums" snakes and music.
    [Theory]
    [InlineData("my 15 yo son is into the gym and protein shakes", "animals")]
    [InlineData("she's 9 and loves digging up roots in the garden", "robots")]
    [InlineData("he is 7 and loves trunks", "cars")]
    [InlineData("9 year old who loves snare drums", "animals")]
    [InlineData("he needs new hiking boots", "reading")]
    [InlineData("my 10yo counts the stairs everywhere we go", "sports")]
    public void ARealWordNearAThemeWord_IsNoTypoOfIt(string text, string theme) =>
        Assert.DoesNotContain(theme, CatalogExtractor.Value.Extract(text).Entities.Interests.Select(i => i.Value));

    [Theory]
    [InlineData("she loves snaks", "animals")]
    [InlineData("my 8yo loves dinosuars", "dinosaurs")]
    [InlineData("he is obsesed with robbots", "robots")]
    [InlineData("a budding astronomer", "space")]
    public void TyposAndWordsBuiltOnAThemeWord_StillReachTheTheme(string text, string theme) =>
        Assert.Contains(theme, CatalogExtractor.Value.Extract(text).Entities.Interests.Select(i => i.Value));

    [Fact]
    public void AnEmojiIsOneWord_NeverHalfASurrogatePair()
    {
        var tokens = Tokenizer.Tokenize("loves 🏎️🚒 and 👩‍🚀!");
        Assert.Equal(["loves", "🏎", "🚒", "and", "👩‍🚀", "!"], tokens.Select(t => t.Lower));
        Assert.All(tokens.Take(5), t => Assert.True(t.IsWord));
    }

    private static string ContentFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine([dir.FullName, "content", .. parts]);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException(string.Join('/', parts));
    }
}
