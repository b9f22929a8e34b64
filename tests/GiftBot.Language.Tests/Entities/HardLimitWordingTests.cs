using GiftBot.Language.Entities;

namespace GiftBot.Language.Tests.Entities;

/// <summary>
/// Exclusions and ages written the ways the first rules missed (dev batch d1707-d1911): each is a hard limit, so a
/// miss shows products the shopper ruled out or made for another age.
/// </summary>
public sealed class HardLimitWordingTests
{
    private static ExtractedEntities Extract(string text) => ShopperVoiceTests.CatalogExtractor.Value.Extract(text).Entities;

    private static IEnumerable<string> Excluded(string text) => Extract(text).ExcludedInterests.Select(e => e.Value);

    [Theory]
    [InlineData("screen-free gift for a 6yo who likes robots, 35", "tech")]
    [InlineData("a screen free present for my niece", "tech")]
    [InlineData("chocolate-free gift for a 10 year old who loves cooking", "chocolate")]
    [InlineData("6 yr old, dinosaurs yes, books no, 20", "reading")]
    [InlineData("lego nope, he is 8 and loves space", "building")]
    [InlineData("he's not a fan of puzzles or board games, 8yo", "gaming")]
    [InlineData("she's 10, has enough art stuff, loves animals", "art")]
    [InlineData("grandad has all the gardening stuff he needs, loves reading", "gardening")]
    [InlineData("my son has every lego set, he is 9 and loves space", "building")]
    [InlineData("7 year old, loves animals but no stuffed toys, 25", "plush")]
    [InlineData("she has enough teddies, loves animals", "plush")]
    [InlineData("7 yr old, has more than enough books, loves space, 20", "reading")]
    [InlineData("she is 7, she got too many puzzles, likes crafts, 20", "puzzles")]
    [InlineData("my son, 10, has tons of lego already, loves space, 30", "building")]
    [InlineData("8yo, books? no thanks. loves space, 20", "reading")]
    [InlineData("11 yo, no 📱, loves art, 25", "tech")]
    [InlineData("9yo, loves science, nothing that needs batteries, 30", "batteries")]
    [InlineData("books are a big no, 7, loves animals, 20", "reading")]
    [InlineData("music - not her thing, 9, likes art, 20", "music")]
    [InlineData("puzzles aren't his thing, 8, loves cars, 20", "puzzles")]
    [InlineData("nope to books, 6, animals, 15", "reading")]
    [InlineData("allergic to nuts, 8, loves cooking, 20", "nuts")]
    [InlineData("nothin noisy!! 3yo, animals, 15", "music")]
    public void RulesOut_WhatTheShopperRuledOut(string text, string excluded) =>
        Assert.Contains(excluded, Excluded(text));

    [Theory]
    [InlineData("free delivery? for my 7 year old who loves space")]
    [InlineData("feel free to suggest anything, he loves space")]
    [InlineData("she has enough energy for two and loves space")]
    // Owning lots of something, said without "already", may be what they love.
    [InlineData("she has lots of space stuff and loves it")]
    [InlineData("it's not my thing but he loves space, 9, 20")]
    public void DoesNotRuleOut_WhenNothingIsRuledOut(string text)
    {
        var entities = Extract(text);

        Assert.Contains("space", entities.Interests.Select(i => i.Value));
        Assert.DoesNotContain("space", entities.ExcludedInterests.Select(e => e.Value));
    }

    [Theory]
    [InlineData("twins, 4, love cars, 20 a piece", 4, 4)]
    [InlineData("grandkids (twins, 4) love dinosaurs, 40 total", 4, 4)]
    // Unsure between two ages: both stay hard limits rather than the age being asked again.
    [InlineData("not sure how old he is, maybe 6 or 7, likes cars, 20", 6, 7)]
    [InlineData("he's perhaps 8 or 9, likes space, 25", 8, 9)]
    // An aside in brackets before the age.
    [InlineData("no books (she has hundreds), 10, loves horses, 20", 10, 10)]
    public void ReadsTheAge(string text, int min, int max) =>
        Assert.Equal(new AgeRange(min, max), Extract(text).Age?.Value);

    [Fact]
    public void AParentsAgeBesideTheirChilds_KeepsBoth_SoAProductMustFitEither() =>
        Assert.Equal(new AgeRange(6, 40), Extract("my sister's 40 and her son is 6, the gift is for him, he likes dinosaurs, 20").Age?.Value);

    [Theory]
    [InlineData("for my sister (she's 30, her kid is 4), she loves yoga, 40", 30)]
    [InlineData("my son is 5, his sister is 8, he loves dinosaurs, 20", 5)]
    public void ARelativesAge_IsLeftOut_WhenWhomTheGiftIsForIsClear(string text, int age) =>
        Assert.Equal(new AgeRange(age, age), Extract(text).Age?.Value);

    [Fact]
    public void SomethingTechyButNotADrone_WantsTechAndRulesOutOnlyTheDrone()
    {
        var entities = Extract("something techy but NOT a drone, for my 12yo, 50");

        Assert.Contains("tech", entities.Interests.Select(i => i.Value));
        Assert.Equal("drone", Assert.Single(entities.ExcludedInterests).Value);
    }

    [Fact]
    public void TheTwinsAlone_LeaveTheNumberForTheBudget()
    {
        var entities = Extract("for the twins, 30");

        Assert.Null(entities.Age);
        Assert.Equal(30, entities.Budget?.Value.Max);
    }

    [Theory]
    [InlineData("me and my brother (we're 9 and 11) want a gift for grandma, she likes puzzles, 20", "grandmother")]
    [InlineData("my sister and I want to get our dad something, he likes fishing", "father")]
    public void WhoeverShopsWithTheShopper_IsNotTheRecipient(string text, string recipient)
    {
        var entities = Extract(text);

        Assert.Equal(recipient, Assert.Single(entities.Recipients).Value);
        Assert.Null(entities.Age);
    }

    [Fact]
    public void AGiftForMeAndMyWife_KeepsTheWife() =>
        Assert.Contains("wife", Extract("a gift for me and my wife").Recipients.Select(r => r.Value));
}
