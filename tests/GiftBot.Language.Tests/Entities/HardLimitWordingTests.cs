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
    public void RulesOut_WhatTheShopperRuledOut(string text, string excluded) =>
        Assert.Contains(excluded, Excluded(text));

    [Theory]
    [InlineData("free delivery? for my 7 year old who loves space")]
    [InlineData("feel free to suggest anything, he loves space")]
    [InlineData("she has enough energy for two and loves space")]
    public void DoesNotRuleOut_WhenNothingIsRuledOut(string text)
    {
        var entities = Extract(text);

        Assert.Contains("space", entities.Interests.Select(i => i.Value));
        Assert.DoesNotContain("space", entities.ExcludedInterests.Select(e => e.Value));
    }
}
