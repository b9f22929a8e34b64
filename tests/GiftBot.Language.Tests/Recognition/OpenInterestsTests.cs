namespace GiftBot.Language.Tests.Recognition;

/// <summary>
/// What the recipient loves left to the shop, as shoppers say it: the shop's popular products, or not knowing what the
/// person likes. Uncertainty is no negation: the person named after "no idea what" or "not sure what" is still the recipient.
/// </summary>
public sealed class OpenInterestsTests(MeaningModelFixture fixture) : IClassFixture<MeaningModelFixture>
{
    private ShopperUnderstanding Understand(string text) => fixture.Model.Recognize(text).ToShopperUnderstanding();

    [Theory]
    [InlineData("no idea what my boss likes lol, 20 max", "boss")]
    [InlineData("I don't know what my dad wants for his birthday", "father")]
    [InlineData("not sure what my sister would like, she's 16", "sister")]
    [InlineData("haven't a clue what my nephew is into these days", "nephew")]
    public void NotKnowingWhatTheyLike_LeavesItToTheShop_AndKeepsWhoItIsFor(string text, string recipient)
    {
        var understanding = Understand(text);

        Assert.Equal(GiftIntents.FindGift, understanding.Intent);
        Assert.Equal(recipient, understanding.Recipient);
        Assert.True(understanding.InterestsOpen);
        Assert.Empty(understanding.ExcludedInterests);
        Assert.Null(understanding.Wish);
    }

    [Theory]
    // Found trying the bot: "my dad has everything, 30 max" was asked "What does your dad love?".
    [InlineData("my dad has everything, 30 max", "father")]
    [InlineData("something for my brother in law, he's impossible to buy for, 40", "brother")]
    [InlineData("my nephew is 2 and already has everything lol", "nephew")]
    [InlineData("my gran is sooo hard to buy for", "grandmother")]
    public void SomeoneHardToBuyFor_LeavesItToTheShop_AndKeepsWhoItIsFor(string text, string recipient)
    {
        var understanding = Understand(text);

        Assert.Equal(recipient, understanding.Recipient);
        Assert.True(understanding.InterestsOpen);
        Assert.Empty(understanding.ExcludedInterests);
    }

    [Theory]
    [InlineData("what are your best sellers?")]
    [InlineData("what's your most popular toy this christmas?")]
    [InlineData("bestsellers for a 3yo under 25 pls")]
    [InlineData("what's trending for a 10 year old right now")]
    public void ThePopularProductsAskedFor_AreAGiftSearch_LeftToTheShop(string text)
    {
        var understanding = Understand(text);

        Assert.Equal(GiftIntents.FindGift, understanding.Intent);
        Assert.True(understanding.InterestsOpen);
    }

    [Theory]
    [InlineData("no clue what to get my nephew, he's 10 and loves lego", "nephew", "building")]
    [InlineData("not sure what to buy my niece, she's 7 and loves horses", "niece", "animals")]
    public void NotKnowingWhatToGet_IsNoRulingOut_AndTheStatedLoveStands(string text, string recipient, string interest)
    {
        var understanding = Understand(text);

        Assert.Equal(recipient, understanding.Recipient);
        Assert.Contains(interest, understanding.Interests);
        Assert.Empty(understanding.ExcludedInterests);
        Assert.False(understanding.InterestsOpen);
    }

    [Theory]
    [InlineData("for my niece, 6, not sure she'd like books, 20", "reading")]
    [InlineData("not sure about lego for him, he's 8, 30 max", "building")]
    public void DoubtAboutAThing_NeverMakesItALove(string text, string theme)
    {
        // Uncertainty about what to choose is no negation, but doubt about one thing still keeps it out.
        var understanding = Understand(text);

        Assert.DoesNotContain(theme, understanding.Interests);
        Assert.Contains(theme, understanding.ExcludedInterests);
        Assert.False(understanding.InterestsOpen);
    }

    [Theory]
    [InlineData("my son is 8 and loves football, 30 max")]
    [InlineData("she doesn't like popular stuff, she's 12 and into art, 40")]
    public void StatedOrRuledOut_IsNotOpen(string text)
    {
        Assert.False(Understand(text).InterestsOpen);
    }
}
