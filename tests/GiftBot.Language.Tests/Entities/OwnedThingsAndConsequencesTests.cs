using GiftBot.Language.Entities;

namespace GiftBot.Language.Tests.Entities;

/// <summary>
/// Ruling out the ways dev lines d3719-d4112 showed products the shopper had ruled out: things owned named with several
/// words or in a list, the thing loved owned already, a threat on the shopper for giving it, sarcasm, verdicts closed
/// by an emoji, and an ordinal that says which thing rather than how old.
/// </summary>
public sealed class OwnedThingsAndConsequencesTests
{
    private static ExtractedEntities Extract(string text) => ShopperVoiceTests.CatalogExtractor.Value.Extract(text).Entities;

    private static IReadOnlyList<string> Excluded(string text) => Extract(text).ExcludedInterests.Select(e => e.Value).ToList();

    private static IReadOnlyList<string> Wanted(string text) => Extract(text).Interests.Select(e => e.Value).ToList();

    [Theory]
    // Each thing in a list of things owned, by the word that names it.
    [InlineData("she already owns a head torch and a compass, 10, into camping, 30", "torch")]
    [InlineData("she already owns a head torch and a compass, 10, into camping, 30", "compass")]
    [InlineData("he already has the glow stars and the rocket, 6, loves space, 25", "rocket")]
    [InlineData("he already has the glow stars and the rocket, 6, loves space, 25", "glow")]
    [InlineData("my girlfriend already has a yoga mat and all the candles, she loves to relax, 40", "candles")]
    [InlineData("my niece got a karaoke mic for her birthday, she's 9, loves singing, 25", "microphone")]
    // The catalog's own word for the kind owned.
    [InlineData("he has the whole collection of sea creature figures, 7yo, loves the ocean, 20", "figurine")]
    // The thing loved, owned already: the kind is ruled out, the theme stays wanted.
    [InlineData("he's already got 2 footballs haha, 9 year old, football mad, 25", "footballs")]
    [InlineData("grandson (9), football, 25, he's had enough footballs to last forever", "footballs")]
    [InlineData("budget 30, boy aged 9, into cars; lego is a thing he has too much of", "building")]
    [InlineData("🧸 no more please, 1yo, loves animals, 20", "plush")]
    [InlineData("loves the sea but isn't a fan of bath toys, 2yo, €20", "bath")]
    [InlineData("any ideas for a 5 yr old who loves trains that aren't more track, €25", "track")]
    // A threat on the shopper, a verdict with an emoji after it, sarcasm.
    [InlineData("my brother will kill me if it makes noise, nephew 3, loves dinosaurs, 40", "sound")]
    [InlineData("my sister will disown me if I send slime, niece 9, into space, 25", "crafts")]
    [InlineData("batteries not wanted 😂 our 5yo loves dinosaurs, 35", "battery")]
    [InlineData("oh sure, what she REALLY wants is another puzzle 🙄 (not), 7yo, loves animals, 20", "puzzles")]
    // Found by dev lines d4113 on: excess as a noun, nothing but it, a thing just got, more threats.
    [InlineData("jigsaw overload at ours, daughter is 7, loves horses, 20", "puzzles")]
    [InlineData("teddies?? no more!! 2yo, loves animals, 25", "plush")]
    [InlineData("her bedroom is wall to wall books, 10, loves art, 25", "reading")]
    [InlineData("my lad just got his second lego set so something else, 8, likes trains, 25", "building")]
    [InlineData("she has jigsaws coming out her ears, 9, loves crafts, 20", "puzzles")]
    [InlineData("my sister would strangle me if I bought her kid a drum, niece 5, loves music, 30", "drum")]
    [InlineData("if it beeps her dad will ban me from the house, 2yo, loves cars, 25", "sound")]
    [InlineData("I'll be in trouble if it's noisy, 3yo, loves trains, 20", "sound")]
    [InlineData("glitter = banned at ours, 7yo, loves art, 20", "glitter")]
    // Found by dev lines d4780 on: a bare no said of a kind of thing ("is a big no").
    [InlineData("my daughter (6) likes crafts, glitter is a big no, 20", "glitter")]
    // Found by dev lines d4246-d4316: trouble without "if", "it" across a full stop, a love in the past, a counted collection.
    [InlineData("a drum kit? his mum would kill me, nephew 3, loves animals, 25", "music")]
    [InlineData("anything with a screen and I'm dead meat, 8yo, loves football, 40", "tech")]
    [InlineData("her dad will kill me if I bring home anything with glitter, 6yo, loves crafts, 20", "glitter")]
    [InlineData("slime. she makes it all day long and I'm sick of it, 9, loves science, 20", "crafts")]
    [InlineData("unicorns were so last year, she's 8 now, loves science, 20", "fairy-tales")]
    [InlineData("the unicorn phase is over, 8 year old, into science, 20", "fairy-tales")]
    [InlineData("he was obsessed with dinosaurs until last year, now 9 and into space, 25", "dinosaurs")]
    [InlineData("she collects teddies (about 30 now), 7, loves unicorns, 20", "plush")]
    // Found by dev lines d4350-d4475: any verb in the "if" clause, a bare thing before "and I'm ...", things spilling or
    // piling up or everywhere, "had it with", "enough with", a thing mocked in its own clause.
    [InlineData("if anyone recommends anything with slime her mum will kill me, 8yo, loves animals, 20", "crafts")]
    [InlineData("stickers and I'm in the doghouse for a week, 6, loves crafts, 15", "sticker")]
    [InlineData("books are spilling out of every shelf, 10, into football, 25", "reading")]
    [InlineData("jigsaws just pile up in the cupboard, 8, likes space, 20", "puzzles")]
    [InlineData("dinosaurs everywhere in this house, 6, also loves trains, 20", "dinosaurs")]
    [InlineData("lego (she has 30 sets at least), 9, loves animals, 25", "building")]
    [InlineData("honestly we've had it with playdough, 4, loves cars, 20", "crafts")]
    [InlineData("enough with the jigsaws, she's 7 and loves art, 20", "puzzles")]
    [InlineData("oh lovely, a drum set, what a great idea (not), nephew 5, loves dinosaurs, 25", "music")]
    [InlineData("sure, slime, and I'll just buy a new rug then 🙄, 9yo, likes science, 20", "crafts")]
    [InlineData("grandma put a total ban on board games, 10, into space, 25", "gaming")]
    [InlineData("Her shelf is already full of jigsaws. She's 8 and loves art, 20", "puzzles")]
    [InlineData("5yo, likes trains, 20. Noisy toys drive his mum up the wall.", "music")]
    public void RulesOut(string text, string ruledOut) => Assert.Contains(ruledOut, Excluded(text));

    [Theory]
    [InlineData("he's already got 2 footballs haha, 9 year old, football mad, 25", "sports")]
    [InlineData("he has the whole collection of sea creature figures, 7yo, loves the ocean, 20", "ocean")]
    [InlineData("son, 10, loves cooking, already has every book going, 30", "cooking")]
    [InlineData("my son is 8 and can't live without his football, 25", "sports")]
    [InlineData("nobody is more into dinosaurs than my 5 year old, 20", "dinosaurs")]
    [InlineData("never without his dinosaurs, 6yo, €25", "dinosaurs")]
    [InlineData("she doesn't leave the house without a book, 9, 20", "reading")]
    [InlineData("he never stops going on about rockets, 8, 25", "space")]
    [InlineData("you can't drag her away from her paints, 6, 20", "art")]
    [InlineData("nothing he likes more than a jigsaw, 10, 20", "puzzles")]
    [InlineData("no one loves horses like my niece, she's 8, 30", "animals")]
    public void KeepsTheLovedThemeWanted(string text, string theme)
    {
        Assert.Contains(theme, Wanted(text));
        Assert.DoesNotContain(theme, Excluded(text));
    }

    [Theory]
    // Words around the thing owned are not things: when it was given, how complete the collection is.
    [InlineData("grandson (9), football, 25, he's had enough footballs to last forever", "forever")]
    [InlineData("son, 10, loves cooking, already has every book going, 30", "going")]
    [InlineData("he has the whole collection of sea creature figures, 7yo, loves the ocean, 20", "collection")]
    [InlineData("he has the whole collection of sea creature figures, 7yo, loves the ocean, 20", "sea")]
    // A bare number in brackets after a person is an age, never a count of things owned.
    [InlineData("granny (90!) loves word puzzles, 15", "puzzles")]
    [InlineData("he loves trains, my wife would kill me if I spent more than 30, 6yo", "trains")]
    // Negative words that say how much the thing is loved.
    [InlineData("my son is 8 and can't live without his football, 25", "sports")]
    [InlineData("nobody is more into dinosaurs than my 5 year old, 20", "dinosaurs")]
    // "(he's 12)" is an age, never a count of the thing before it.
    [InlineData("lvl 40 gamer lol (he's 12), 35", "gaming")]
    public void RulesOutNothingElse(string text, string word) => Assert.DoesNotContain(word, Excluded(text));

    [Fact]
    public void AnOrdinalBeforeAThing_IsNoAge() =>
        Assert.Equal(new AgeRange(7, 7), Extract("he just got his first bike so nothing for bikes, 7, loves the outdoors, 20").Age?.Value);

    [Fact]
    public void AnOrdinalAfterGot_IsWhichThing_NotAnAge() =>
        Assert.Equal(new AgeRange(11, 11), Extract("she just got her first skateboard, 11, loves sports, 30").Age?.Value);
}
