namespace GiftBot.Language.Tests.Entities;

public sealed class InterestAndOccasionExtractorTests
{
    [Theory]
    [InlineData("he loves astronauts", "space")]
    [InlineData("she likes rockets", "space")]
    [InlineData("crazy about the T-rex", "dinosaurs")]
    [InlineData("into t rex", "dinosaurs")]
    [InlineData("a dinosaur fan", "dinosaurs")]
    [InlineData("SPACE", "space")]
    [InlineData("she loves dinosors", "dinosaurs")]
    [InlineData("he likes rokets", "space")]
    [InlineData("race cars", "vehicles")]
    public void MapsSynonymsTyposAndCasingToThemes(string text, string theme) =>
        Assert.Equal(theme, Assert.Single(TestVocabulary.Extract(text).Interests).Value);

    [Theory]
    [InlineData("the other house")]
    [InlineData("I'd rather pay less")]
    [InlineData("a piece of cake")]
    [InlineData("budget friendly please")]
    public void DoesNotCorrectEverydayWordsIntoThemes(string text)
    {
        var entities = TestVocabulary.Extract(text);
        Assert.Empty(entities.Interests);
        Assert.Empty(entities.Recipients);
    }

    [Theory]
    [InlineData("not lego", "lego")]
    [InlineData("no books", "books")]
    [InlineData("anything but books", "books")]
    [InlineData("nothing with puzzles", "games")]
    [InlineData("he doesn't like space anymore", "space")]
    [InlineData("without robots please", "science")]
    // What they should have less of is ruled out too; "less than 20" is a budget.
    [InlineData("we want to get him away from books", "books")]
    [InlineData("something to keep her off the puzzles", "games")]
    [InlineData("less lego this year", "lego")]
    [InlineData("she needs a break from puzzles", "games")]
    // Typed without the apostrophe.
    [InlineData("he isnt into robots at all", "science")]
    [InlineData("she doesnt like drawing", "art")]
    [InlineData("anything to get my 9yo off lego", "lego")]
    // The theme is named again but not as loved: ruling out its kind still rules out the theme.
    [InlineData("no puzzles, he needs to put the games down", "games")]
    [InlineData("skip the books please", "books")]
    [InlineData("avoid puzzles at all costs", "games")]
    [InlineData("we'd rather avoid anything with drums", "music")]
    [InlineData("he's scared of robots", "science")]
    [InlineData("she doesn't want anything to do with books", "books")]
    [InlineData("he doesn't like anything to do with puzzles", "games")]
    [InlineData("he's done with dinosaurs", "dinosaurs")]
    [InlineData("steer clear of anything with drums", "music")]
    [InlineData("we're cutting down on puzzles", "games")]
    [InlineData("something minus the books", "books")]
    [InlineData("zero interest in space", "space")]
    [InlineData("he's fed up of robots", "science")]
    [InlineData("she's had enough of dinosaurs", "dinosaurs")]
    [InlineData("something other than books", "books")]
    [InlineData("apart from lego", "lego")]
    [InlineData("aside from puzzles", "games")]
    [InlineData("she already owns every board game", "games")]
    [InlineData("she's past the drawing phase", "art")]
    [InlineData("not so much into music", "music")]
    [InlineData("he's too old for dinosaurs now", "dinosaurs")]
    [InlineData("🚫 lego", "lego")]
    [InlineData("❌ books", "books")]
    [InlineData("zero books 🙅", "books")]
    [InlineData("not his cup of tea: puzzles", "games")]
    public void RulesOutNegatedInterests(string text, string excluded)
    {
        var entities = TestVocabulary.Extract(text);
        Assert.Equal(excluded, Assert.Single(entities.ExcludedInterests).Value);
        Assert.Empty(entities.Interests);
    }

    [Theory]
    [InlineData("books are a no-go, he loves drawing", "books", "art")]
    [InlineData("video games are banned, loves rockets", "games", "space")]
    [InlineData("drums are off limits, she loves horses", "music", "animals")]
    [InlineData("a book is out of the question, he loves drawing", "books", "art")]
    [InlineData("puzzles are a no from me, she loves horses", "games", "animals")]
    [InlineData("puzzles bore her, she loves horses", "games", "animals")]
    [InlineData("books are not his cup of tea, he loves rockets", "books", "space")]
    public void AVerdictAfterAThing_RulesItOut(string text, string excluded, string wanted)
    {
        var entities = TestVocabulary.Extract(text);
        Assert.Equal(excluded, Assert.Single(entities.ExcludedInterests).Value);
        Assert.Equal(wanted, Assert.Single(entities.Interests).Value);
    }

    [Theory]
    [InlineData("20% off anything for my 8 year old who loves lego")]
    [InlineData("she's off to uni and loves drawing")]
    public void OffAsADiscountOrAJourney_RulesNothingOut(string text) =>
        Assert.Empty(TestVocabulary.Extract(text).ExcludedInterests);

    [Theory]
    [InlineData("loves books, less than 20")]
    [InlineData("she loves books and needs less than an hour to read one")]
    public void LessThanAnAmount_RulesNothingOut(string text) =>
        Assert.Empty(TestVocabulary.Extract(text).ExcludedInterests);

    [Theory]
    [InlineData("loves games but not puzzles", "games", "puzzles")]
    [InlineData("into science, no robots please", "science", "robots")]
    public void AKindRuledOutInsideAWantedTheme_IsRuledOutByItsWords_AndTheThemeStaysWanted(string text, string wanted, string excluded)
    {
        var entities = TestVocabulary.Extract(text);
        Assert.Equal(wanted, Assert.Single(entities.Interests).Value);
        Assert.Equal(excluded, Assert.Single(entities.ExcludedInterests).Value);
    }

    [Theory]
    [InlineData("9 year old, no stuffed animals, loves animals tho, 20")]
    [InlineData("my 6yo loves animals but no stuffed animals please, 25")]
    public void StuffedAnimals_RuleOutPlush_NotTheAnimalsTheyLove(string text)
    {
        var entities = TestVocabulary.Extract(text);
        Assert.Equal("animals", Assert.Single(entities.Interests).Value);
        Assert.Contains(entities.ExcludedInterests, e => e.Value == "plush");
        Assert.DoesNotContain(entities.ExcludedInterests, e => e.Value == "animals");
    }

    [Theory]
    [InlineData("no teddies please, she loves space")]
    [InlineData("not plushies, loves space")]
    [InlineData("no 🧸 please, she loves space")]
    public void WhatShoppersCallPlush_RulesOutTheCatalogsWord(string text) =>
        Assert.Contains(TestVocabulary.Extract(text).ExcludedInterests, e => e.Value == "plush");

    // The catalog never calls a toy noisy: it says what sounds it makes.
    [Theory]
    [InlineData("anything for a 1 yr old? nothing noisy pls. ~20eur")]
    [InlineData("nothing loud, my son is 3, 25")]
    [InlineData("for my nephew 2, no noisy toys please, 30")]
    [InlineData("no toys that make noise, she's 1, 20")]
    public void NothingNoisy_RulesOutWhatTheCatalogSaysMakesSounds(string text) =>
        Assert.Contains(TestVocabulary.Extract(text).ExcludedInterests, e => e.Value == "sound");

    // The catalog says "battery", "rechargeable", "sword", "chocolate": what a shopper rules out by another name.
    [Theory]
    [InlineData("nothing with tiny pieces or batteries, 3yo, trains, 25", "battery")]
    [InlineData("something that doesn't need charging, 10yo, 30", "battery")]
    [InlineData("battery operated toys are a no-go for us, 3 year old, 60", "battery")]
    [InlineData("no 🔋 please, 3yo, 25", "battery")]
    [InlineData("no toy guns or swords, 7yo, €30", "weapon")]
    [InlineData("no weapons of any kind, 6yo, 30", "weapon")]
    [InlineData("nothing edible please, 8, 25", "sweets")]
    [InlineData("she's on a diet so no chocolates, €15", "sweets")]
    [InlineData("not the stuffed kind though, 5yo, 20", "plush")]
    [InlineData("teddies give her the ick, 10, €20", "plush")]
    [InlineData("she got a unicorn plush from me last time, loves unicorns", "plush")]
    public void APropertyRuledOut_RulesOutTheCatalogsWordsForIt(string text, string kind) =>
        Assert.Contains(TestVocabulary.Extract(text).ExcludedInterests, e => e.Value == kind);

    [Theory]
    [InlineData("she already has a guitar, loves music, 30", "guitar")]
    [InlineData("he has a telescope already, into space, 40", "telescope")]
    public void AThingOwnedInsideALovedTheme_IsRuledOutByItsWord_AndTheThemeStaysWanted(string text, string word)
    {
        var entities = TestVocabulary.Extract(text);
        Assert.Contains(entities.ExcludedInterests, e => e.Value == word);
        Assert.NotEmpty(entities.Interests);
    }

    [Theory]
    [InlineData("he has already too many cars, he likes dinosaurs", "vehicles")]
    [InlineData("he have many board game already, he like football", "games")]
    [InlineData("owns basically every board game, into animals", "games")]
    [InlineData("has a shelf full of books, loves animals", "books")]
    [InlineData("got a drawer full of board games, loves science", "games")]
    [InlineData("in place of the usual book, likes animals", "books")]
    [InlineData("dinosaurs are a big no for this one, loves animals", "dinosaurs")]
    public void OwnedPlenty_SaidOtherwise_RulesTheThemeOut(string text, string theme) =>
        Assert.Contains(TestVocabulary.Extract(text).ExcludedInterests, e => e.Value == theme);

    [Fact]
    public void StuffedAnimals_WithNoAnimalsWanted_StillRuleOutTheTheme()
    {
        var entities = TestVocabulary.Extract("no stuffed animals, he loves space");
        Assert.Equal("space", Assert.Single(entities.Interests).Value);
        Assert.Contains(entities.ExcludedInterests, e => e.Value == "animals");
        Assert.Contains(entities.ExcludedInterests, e => e.Value == "plush");
    }

    [Fact]
    public void ASpacedDash_EndsTheNegation_LikeAComma()
    {
        var entities = TestVocabulary.Extract("my 6 yo nephew - no books, no puzzles - just loves space, 20");
        Assert.Equal("space", Assert.Single(entities.Interests).Value);
        Assert.Equal(["books", "games"], entities.ExcludedInterests.Select(e => e.Value).Order());
    }

    [Theory]
    [InlineData("animals instead of dinosaurs", "animals", "dinosaurs")]
    // A new clause saying what they love ends the negation before it.
    [InlineData("aside from dinosaurs he loves rockets", "space", "dinosaurs")]
    [InlineData("no books she likes drawing", "art", "books")]
    public void SplitsWantedAndExcluded_InOneSentence(string text, string wanted, string excluded)
    {
        var entities = TestVocabulary.Extract(text);
        Assert.Equal(wanted, Assert.Single(entities.Interests).Value);
        Assert.Equal(excluded, Assert.Single(entities.ExcludedInterests).Value);
    }

    [Theory]
    [InlineData("I was going to get him a puzzle but his dad says he's got loads, so anything else, he likes dinosaurs")]
    [InlineData("thought about a guitar, she has plenty already. she loves horses")]
    public void RulesOutWhatTheyHaveLoadsOf_NamedBefore(string text)
    {
        var entities = TestVocabulary.Extract(text);
        Assert.Single(entities.ExcludedInterests);
        Assert.Single(entities.Interests);
    }

    [Fact]
    public void HasEverythingBut_IsNoNegation()
    {
        var entities = TestVocabulary.Extract("my husband has everything but he has started drawing a lot lately");
        Assert.Equal("art", Assert.Single(entities.Interests).Value);
        Assert.Empty(entities.ExcludedInterests);
    }

    [Fact]
    public void KeepsWhatTheyLove_EvenWhenTheyHaveLoads()
    {
        var entities = TestVocabulary.Extract("she loves puzzles and has loads, 20");
        Assert.Equal("games", Assert.Single(entities.Interests).Value);
        Assert.Empty(entities.ExcludedInterests);
    }

    [Theory]
    [InlineData("no thanks")]
    [InlineData("I'm not sure")]
    [InlineData("no, she's 10")]
    [InlineData("I don't understand")]
    [InlineData("she loves to skip and dance")]
    public void DoesNotRuleOutEverydayWords(string text) =>
        Assert.Empty(TestVocabulary.Extract(text).ExcludedInterests);

    [Theory]
    [InlineData("a birthday present", "birthday")]
    [InlineData("for her bday", "birthday")]
    [InlineData("xmas gift", "christmas")]
    [InlineData("our anniversary", "anniversary")]
    [InlineData("a thank you gift for the teacher", "thank-you")]
    [InlineData("a wedding present", "wedding")]
    [InlineData("baby shower ideas", "baby-shower")]
    [InlineData("for her graduation", "graduation")]
    [InlineData("valentine's day", "valentines")]
    [InlineData("mother's day", "mothers-day")]
    [InlineData("fathers day", "fathers-day")]
    [InlineData("an easter basket", "easter")]
    [InlineData("a housewarming gift", "housewarming")]
    [InlineData("his retirement", "retirement")]
    [InlineData("a mothersday gift", "mothers-day")]
    public void MapsOccasions(string text, string occasion) =>
        Assert.Equal(occasion, Assert.Single(TestVocabulary.Extract(text).Occasions).Value);

    [Fact]
    public void BabyShowerIsAnOccasion_NotABabyRecipient()
    {
        var entities = TestVocabulary.Extract("a gift for a baby shower");
        Assert.Empty(entities.Recipients);
        Assert.Null(entities.Age);
    }

    [Fact]
    public void ThankYouAloneIsNoOccasion() => Assert.Empty(TestVocabulary.Extract("thank you so much").Occasions);

    // "monday" is one edit from "mom day": a typo would have to fall in "mom", a word too short to correct.
    [Theory]
    [InlineData("I need it by monday")]
    [InlineData("can it arrive before Monday?")]
    [InlineData("I ordered it on monday")]
    [InlineData("a present from his daddy")]
    public void DaysOfTheWeekAndShortWordsNearAnOccasionAreNoOccasion(string text) =>
        Assert.Empty(TestVocabulary.Extract(text).Occasions);
}
