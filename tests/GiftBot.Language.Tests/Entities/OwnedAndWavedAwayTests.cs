using GiftBot.Language.Entities;

namespace GiftBot.Language.Tests.Entities;

/// <summary>
/// Things ruled out in the voices of dev batch d4550-d4699 that the rules missed: each is a hard limit, so a miss shows
/// a product the shopper said no to (or one made for another age).
/// </summary>
public sealed class OwnedAndWavedAwayTests
{
    private static ExtractedEntities Extract(string text) => ShopperVoiceTests.CatalogExtractor.Value.Extract(text).Entities;

    private static IEnumerable<string> Excluded(string text) => Extract(text).ExcludedInterests.Select(e => e.Value);

    [Theory]
    // A thing owned, then waved away; a kit or class already done; the thing named before who owns it.
    [InlineData("grandpa 75 is all about chess, he has a chess set so not that, 40", "chess")]
    [InlineData("teen (15) who loves cooking, she's done the sushi kit already, 30", "sushi")]
    [InlineData("my best friend is 30 and loves crafts, already did candle making so skip that, 35", "wellness")]
    [InlineData("something cooking related for my 9yo, baking sets she's got, 25", "baking")]
    // A word the speller would read as a theme ("sneaker") is ruled out as typed.
    [InlineData("she's 14, into music, not a speaker, she has one, 50", "speaker")]
    // Verdicts after the thing: a determiner before it, quotes around the verdict, a reason in brackets, what it does to them.
    [InlineData("my 6yo son loves music, the recorder is banned 🙉 25", "recorder")]
    [InlineData("my 12 year old has decided fairy stuff is 'cringe', she loves art now, 25", "fairy-tales")]
    [InlineData("for a 10 yo: science yes, chemistry no (mum's orders), 40", "chemistry")]
    [InlineData("my aunt is 55, loves wellness stuff but candles give her headaches, 40", "candles")]
    // What shoppers call creepy crawlies the catalog names by the creature (content/language/lexicon.json productKinds).
    [InlineData("7 yo who adores animals, nothing creepy crawly please!! 20", "insect")]
    [InlineData("enough with the puzzles already, grandma, she's 7 and loves crafts, 20", "puzzles")]
    [InlineData("the parents have said no screens till he's 10, he's 7, likes building, 30", "tech")]
    [InlineData("13 year old daughter, into art; she went off fashion stuff this year. max 40", "fashion")]
    [InlineData("he's gone off lego, 9, loves space, 30", "building")]
    public void RulesOut_WhatTheShopperRuledOut(string text, string excluded) =>
        Assert.Contains(excluded, Excluded(text));

    [Fact]
    public void ScienceYesChemistryNo_KeepsScienceWanted() =>
        Assert.Contains("science", Extract("for a 10 yo: science yes, chemistry no (mum's orders), 40").Interests.Select(i => i.Value));

    [Theory]
    [InlineData("my 8yo loves puzzles, hasn't got a chess set yet, 30")]
    [InlineData("she's 6, loves space, what she's got is old, 25")]
    // Going off somewhere is no dislike of it.
    [InlineData("he went off to space camp last summer and loved it, 10, 30")]
    public void NotOwningItYet_RulesNothingOut(string text) =>
        Assert.Empty(Excluded(text));

    [Theory]
    // "till he's 10", "until she turns 12": when a rule ends, not the child's age.
    [InlineData("the parents have said no screens till he's 10, he's 7, likes building, 30")]
    [InlineData("no tablets until she turns 12, she's 7 and loves art, 30")]
    public void WhenARuleEnds_IsNotTheAge(string text)
    {
        var entities = Extract(text);
        Assert.Equal(7, entities.Age?.Value.Min);
        Assert.Equal(7, entities.Age?.Value.Max);
    }
}
