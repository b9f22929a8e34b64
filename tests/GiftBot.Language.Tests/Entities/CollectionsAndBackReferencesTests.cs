using GiftBot.Language.Entities;

namespace GiftBot.Language.Tests.Entities;

/// <summary>
/// Ruling out the ways dev lines d4130-d4191 showed products the shopper had ruled out: a counted collection, a pronoun
/// or a full container pointing back at the thing named before, a list of things owned closed by "already", a word read
/// as a theme only by correcting its spelling, mock praise after a comma, a thing given before in a story, and a giver
/// who wants gifts for others.
/// </summary>
public sealed class CollectionsAndBackReferencesTests
{
    private static ExtractedEntities Extract(string text) => ShopperVoiceTests.CatalogExtractor.Value.Extract(text).Entities;

    private static IReadOnlyList<string> Excluded(string text) => Extract(text).ExcludedInterests.Select(e => e.Value).ToList();

    private static IReadOnlyList<string> Wanted(string text) => Extract(text).Interests.Select(e => e.Value).ToList();

    [Theory]
    // A counted collection.
    [InlineData("she owns about 60 jigsaws, 8, likes horses, 20", "puzzles")]
    [InlineData("we must have 30 dinosaur figures at home, 6, loves space, 25", "figurine")]
    // "them" and a container full point back at the thing named before.
    [InlineData("board games? we have a cupboard full of them, 10, into science, 30", "gaming")]
    [InlineData("jigsaws - she has a drawer full, 9, loves cooking, 20", "puzzles")]
    [InlineData("colouring books, we have a box full, 6, loves dinosaurs, 15", "art")]
    // A list of things owned, "already" after the last.
    [InlineData("she has a train set and all the track already, 4, loves pretend play, 30", "trains")]
    // A word read as a theme only by its spelling ("speaker" as "sneaker") is also ruled out as typed.
    [InlineData("already has a speaker and headphones, 15, loves music, 60", "speaker")]
    // Mock praise after a comma, or for what the house is missing.
    [InlineData("oh brilliant, another jigsaw, just what she wants (not), 8, into art, 20", "puzzles")]
    [InlineData("sure, more lego, that's what our house is missing 🙄, 7yo, likes space, 30", "building")]
    // A thing given before, told as a story.
    [InlineData("once someone gave him a drum kit and we nearly moved house, so nothing loud please, 6, loves unicorns, 25", "music")]
    public void RulesOut_WhatTheShopperRuledOut(string text, string excluded) =>
        Assert.Contains(excluded, Excluded(text));

    [Theory]
    // Piles and holders of a thing, plenty "of them" pointing back, a hedged count (dev d4233-d4349).
    [InlineData("dinosaurs? he has crates of them, 6, loves trains, 25", "dinosaurs")]
    [InlineData("she has piles of board games, 11, loves baking, 30", "gaming")]
    [InlineData("he has maybe 50 jigsaws, 9, into space, 25", "puzzles")]
    // Mock praise two commas on, or several words after the thing with no comma.
    [InlineData("oh joy, more slime, my sofa will be delighted 🙄, 8, likes science, 20", "crafts")]
    [InlineData("yes another jigsaw is just what I want to hoover up at midnight (not), 9, loves space, 20", "puzzles")]
    // "bar" as "except" after "any toy".
    [InlineData("any toy bar a puzzle, 6, loves cars, 20", "puzzles")]
    // A holder stuffed with the thing, or with "those" pointing back.
    [InlineData("jigsaws? her wardrobe is packed with those, 9, likes baking, 20", "puzzles")]
    [InlineData("a toy box stuffed with cars already, 4, loves dinosaurs, 20", "cars")]
    public void RulesOut_PilesPraiseAndBar(string text, string excluded) =>
        Assert.Contains(excluded, Excluded(text));

    [Fact]
    public void WhoGaveTheRecipientSomethingBefore_IsNoRecipient() =>
        Assert.DoesNotContain("grandmother", Extract("grandma once gave him a drum and we regret it, 5, loves space, 25").Recipients.Select(r => r.Value));

    [Theory]
    // "dinosaur" only says which book; dinosaurs are loved.
    [InlineData("not another dinosaur book please, 7, loves dinosaurs, 20", "dinosaurs")]
    // Loved and owned plenty of stays wanted.
    [InlineData("she loves books and has a shelf full of them, 8, 20", "reading")]
    // "ones" after a describing word is a kind of the thing loved, not the thing.
    [InlineData("4 year old who loves trains, not the wooden ones, 30", "trains")]
    // What the shopper says the recipient wants is as good as a love: "recipe" only says which books.
    [InlineData("my daughter (11) wants cooking stuff, no recipe books, 30", "cooking")]
    [InlineData("she wants art stuff but not art books, 9, 20", "art")]
    public void KeepsWanted_WhatIsLoved(string text, string theme)
    {
        Assert.Contains(theme, Wanted(text));
        Assert.DoesNotContain(theme, Excluded(text));
    }

    [Theory]
    [InlineData("not another dinosaur book please, 7, loves dinosaurs, 20", "reading")]
    public void RulesOut_TheThingAfterTheDescribingWord(string text, string excluded) =>
        Assert.Contains(excluded, Excluded(text));

    [Fact]
    public void AThingOwned_IsNotThePronounThatPointsAtIt() =>
        Assert.DoesNotContain("them", Excluded("books? she has a shelf of them already, 9, into baking, 20"));

    [Theory]
    [InlineData("Grandad wants presents for Ava 4 and Leo 8, 15 each", "grandfather")]
    [InlineData("my mum is looking for a present for her grandson, 6, loves animals, 20", "mother")]
    public void TheGiverWhoWantsAGiftForSomeoneElse_IsNoRecipient(string text, string giver) =>
        Assert.DoesNotContain(giver, Extract(text).Recipients.Select(r => r.Value));

    [Fact]
    public void SomeoneWhoWantsAThingForThemselves_IsStillTheRecipient() =>
        Assert.Contains("son", Extract("my son wants something for his room, 9, loves space, 30").Recipients.Select(r => r.Value));
}
