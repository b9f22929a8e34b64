using GiftBot.Language.Entities;

namespace GiftBot.Language.Tests.Entities;

/// <summary>
/// Exclusions and ages written the ways dev batch d2718-d2983 found the rules missing (forms, voice-to-text, texting,
/// formal letters, non-native English): each miss showed a product the shopper ruled out, or would have shown products
/// for another age, or asked again what was said.
/// </summary>
public sealed class LimitBreakingWordingTests
{
    private static ExtractedEntities Extract(string text) => ShopperVoiceTests.CatalogExtractor.Value.Extract(text).Entities;

    private static IReadOnlyList<string> Excluded(string text) => Extract(text).ExcludedInterests.Select(e => e.Value).ToList();

    private static IReadOnlyList<string> Wanted(string text) => Extract(text).Interests.Select(e => e.Value).ToList();

    [Theory]
    // A form's field name, its value after the colon.
    [InlineData("recipient: niece / age: 11 / into: science / NOT: books / max: 25", "reading")]
    [InlineData("who: my dad (62) / what: golf / avoid: books / spend: 50", "reading")]
    // "neither ... nor", "non-", lists with a filler, and a list that starts at the scope's last word.
    [InlineData("a 6 year old, neither books nor puzzles, loves animals, €15", "reading")]
    [InlineData("a 6 year old, neither books nor puzzles, loves animals, €15", "puzzles")]
    [InlineData("something non-electronic for a 4yo, he loves trains, 20", "tech")]
    [InlineData("my daughter (8) doesn't do dolls or anything princessy, she's into bugs, €15", "fairy-tales")]
    [InlineData("she's eight and she wouldn't thank you for anything pink or sparkly, loves football, 20", "fashion")]
    // The kind of thing after a generic noun: "no kits with batteries".
    [InlineData("strictly 25 max for my 11yo, into robots, no kits with batteries", "batteries")]
    // A verdict on "it" rules out the thing named before it.
    [InlineData("bf's lil sis is 9 n loves slime but her mum banned it lmaooo so smth else crafty? 15 quid", "slime")]
    // Owning more than enough, with a wish for something else, rules it out even when it is loved.
    [InlineData("very fond of reading, however she has a great many books so I should like something else. 11, €30", "reading")]
    [InlineData("gf loves yoga n candles n that but she's got a million candles so none of those lol, 40", "candles")]
    [InlineData("it's not that he doesn't like books, he just has too many - 8 yr old, into dinosaurs, 20", "reading")]
    // "don't want no ..." says no twice to the same thing.
    [InlineData("i don't want no noisy toys, 3 year old, animals, 20", "music")]
    // A list with commas that ends with "or"; things joined before a verdict; "out"; "refuses"; "anything bar".
    [InlineData("8yo, no books, puzzles or lego, loves space, 20", "puzzles")]
    [InlineData("8yo, no books, puzzles or lego, loves space, 20", "building")]
    [InlineData("books/puzzles - no. 8 yo loves space, 20", "reading")]
    [InlineData("princess stuff/books - no, 9 year old who loves animals, 20", "fairy-tales")]
    [InlineData("no sport, princess stuff or lego, 13 year old who loves animals, 30", "fairy-tales")]
    // Less of something: screen time limited, reduced, cut back on, too much of it; devices by name (dev d2984-d3011).
    [InlineData("he's a gamer but we want to limit screen time, he's 12, around 40", "tech")]
    [InlineData("trying to reduce screen time for our 9 year old, she loves drawing, 25", "tech")]
    [InlineData("my son gets way too much screen time already, he's 10, into football, €30", "tech")]
    [InlineData("cut back on the video games, my lad is 14, he likes cooking, 40", "gaming")]
    [InlineData("less gaming more outdoors, nephew is 11, €30", "gaming")]
    [InlineData("my 8 yr old son, sick to death of lego, into space now, 25", "building")]
    [InlineData("no tablets or phones please, my niece is 11 and loves art, 30", "tech")]
    [InlineData("grandson 12, off the tablet for once please, he likes fishing, €35", "tech")]
    [InlineData("my 13 yo would live on her phone if she could - want something non-digital, she likes music, 35", "tech")]
    // An amount between two negations makes them two: "not dinosaurs" still rules dinosaurs out.
    [InlineData("21yo cousin board games no more than 50 euros not dinosaurs, not gadgets", "dinosaurs")]
    [InlineData("books are out, he is 9 and loves space, 25", "reading")]
    [InlineData("he refuses to read, 10 year old, loves football, 20", "reading")]
    [InlineData("anything bar books for my 8 year old, loves space, 20", "reading")]
    public void RulesOut_WhatTheShopperRuledOut(string text, string excluded) =>
        Assert.Contains(excluded, Excluded(text));

    [Theory]
    [InlineData("bf's lil sis is 9 n loves slime but her mum banned it lmaooo so smth else crafty? 15 quid", "crafts")]
    [InlineData("tween girl, 11, loves slime but we're sick of slime, something else crafty? 20", "crafts")]
    [InlineData("gf loves yoga n candles n that but she's got a million candles so none of those lol, 40", "wellness")]
    // Two negations before the thing cancel: the thing is loved.
    [InlineData("she never says no to anything arty - 7 years old - €20", "art")]
    [InlineData("there isn't a day he doesn't play football, he's 9, €25", "sports")]
    [InlineData("I don't want anything that's not educational for my 5 year old, she likes space, 25", "space")]
    // "non-" joined to no thing that can be wanted or not.
    [InlineData("non-toxic paints for my 4 year old who loves art, 15", "art")]
    [InlineData("she loves non-fiction books, 9, 20", "reading")]
    // "hates it when" is about what happens, not a thing; owning lots, said without wanting something else, may be love.
    [InlineData("he loves science but hates it when things get messy, 9, 20", "science")]
    [InlineData("she's 7, loves lego and has loads, 20", "building")]
    // A list ending with "and" after a no may be what they love; a thing loved before a verdict on another stays loved.
    [InlineData("8yo, no books, dinosaurs and space, 20", "space")]
    [InlineData("he loves space and books are a no-go, 9, 20", "space")]
    // "less X more Y": Y is wanted; a budget limit rules nothing out.
    [InlineData("less gaming more outdoors, nephew is 11, €30", "outdoors")]
    [InlineData("we'd like to limit the budget to 30, he's 9, loves space", "space")]
    public void KeepsWanted_WhatIsStillWanted(string text, string theme)
    {
        Assert.Contains(theme, Wanted(text));
        Assert.DoesNotContain(theme, Excluded(text));
    }

    [Theory]
    [InlineData("gf loves yoga n candles n that but she's got a million candles so none of those lol, 40", "lol")]
    [InlineData("not bothered about tech, 10, loves art, 20", "bothered")]
    public void AFillerAfterANo_IsNothingRuledOut(string text, string filler) =>
        Assert.DoesNotContain(filler, Excluded(text));

    [Theory]
    // Children listed by name, in brackets or not; a numbered label ("DS1") is no age.
    [InlineData("My grandchildren are Tom (7) and Lucy (4). They both enjoy drawing. I should like to spend no more than €15 on each.", 4, 7)]
    [InlineData("Ava (6) and Mia (9) - something each, €15 each, both into crafts", 6, 9)]
    [InlineData("grandchildren: Noah 5, Emma 3 — one gift to share, they love animals, €30", 3, 5)]
    [InlineData("DS1 (11) and DS2 (8) both love football, £20 each", 8, 11)]
    [InlineData("my nephew Finn (nearly 4) is dinosaur mad, €15", 3, 4)]
    // The age about to be reached, in brackets; two ages joined by "n"; "either 9 or 10".
    [InlineData("my niece (13 next month) - no pink, no princess stuff, she's more into skateboarding. thinking €35", 13, 13)]
    [InlineData("my 2 nephews (6 n 9) both into football, like 15 each, no jerseys they have 100", 6, 9)]
    [InlineData("she's either 9 or 10, into crafts, 20", 9, 10)]
    // Quote marks, one-word sentences, a sign before the next number, a birthday named by its number, inches.
    [InlineData("for my nephew who is 'nearly 7' as he keeps telling everyone, loves knights, 20", 6, 7)]
    [InlineData("Boy. 9. Football. No video games. £20.", 9, 9)]
    [InlineData("boy 9 £10 science", 9, 9)]
    [InlineData("18th for my nephew, he loves the gym, 50", 18, 18)]
    [InlineData("my son is 6 foot 2 and 15, loves basketball, €40", 15, 15)]
    // A number word with one slip where an age is written.
    [InlineData("my son is tweleve, into robots, 40", 12, 12)]
    [InlineData("for a fourten year old girl who loves music, 30", 14, 14)]
    [InlineData("nephew is eigth, loves space, 25 euro", 8, 8)]
    // A date is no age.
    [InlineData("party on the 3rd for my nephew, he's 6, 20", 6, 6)]
    [InlineData("grandad turns 80 on the 3rd, loves his garden, 40", 80, 80)]
    [InlineData("8 (boy), likes cars, 20", 8, 8)]
    // An age opening the message with when it is reached.
    [InlineData("9 next week, into football, 20", 9, 9)]
    [InlineData("7 in a fortnight, mad about horses, €20", 7, 7)]
    [InlineData("9 (nearly 10), loves robots, 30", 9, 10)]
    public void ReadsTheAge(string text, int min, int max) =>
        Assert.Equal(new AgeRange(min, max), Extract(text).Age?.Value);

    [Theory]
    // Four letters are too few to correct safely: the age is asked rather than guessed.
    [InlineData("my neice is sevn and loves art, 20")]
    [InlineData("grandson turning nien, football mad, 25")]
    // An everyday word one slip from a number word is that word.
    [InlineData("she is there with her dad, loves art, 20")]
    public void ReadsNoAge_FromWhatIsNoSureNumber(string text) => Assert.Null(Extract(text).Age);

    [Theory]
    [InlineData("boy 9 £10 science", 10)]
    [InlineData("can spend 20 next week for my nephew who is 8, lego", 20)]
    // How many things someone owns is no amount.
    [InlineData("my 2 nephews (6 n 9) both into football, like 15 each, no jerseys they have 100", 15)]
    public void ReadsTheBudget_NotANumberBesideIt(string text, decimal max) =>
        Assert.Equal(max, Extract(text).Budget?.Value.Max);
}
