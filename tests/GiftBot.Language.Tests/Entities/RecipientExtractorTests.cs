using GiftBot.Language.Entities;

namespace GiftBot.Language.Tests.Entities;

public sealed class RecipientExtractorTests
{
    [Theory]
    [InlineData("a gift for my mom", "mother")]
    [InlineData("something for my mum", "mother")]
    [InlineData("for mommy", "mother")]
    [InlineData("my dad", "father")]
    [InlineData("for granny", "grandmother")]
    [InlineData("for my nan", "grandmother")]
    [InlineData("my grandad", "grandfather")]
    [InlineData("my BFF", "friend")]
    [InlineData("my best friend", "friend")]
    [InlineData("my coworker", "colleague")]
    [InlineData("my girlfriend", "partner")]
    [InlineData("my boyfriend", "partner")]
    [InlineData("my hubby", "husband")]
    [InlineData("my kid's teacher", "teacher")]
    [InlineData("a thank you gift for my son's coach", "teacher")]
    [InlineData("gift for my kids' teacher who loves gardening", "teacher")]
    [InlineData("my kids teacher loves gardening", "teacher")]
    [InlineData("something for my hairdresser", "grown-up")]
    [InlineData("my office buddy is into cooking", "friend")]
    [InlineData("a gift for our cleaner", "grown-up")]
    [InlineData("my neice", "niece")]
    [InlineData("neph 8 lego 30", "nephew")]
    [InlineData("gd 6 unicorns 20", "granddaughter")]
    [InlineData("dd 10 art 25", "daughter")]
    [InlineData("ds 5 cars £15", "son")]
    [InlineData("a gift for my primary school teacher", "teacher")]
    [InlineData("my brother-in-law", "brother")]
    [InlineData("a treat for myself", "myself")]
    [InlineData("a little gift for me", "myself")]
    [InlineData("my ma loves musicals", "mother")]
    [InlineData("my pa loves his crosswords", "father")]
    [InlineData("my old man loves fishing", "father")]
    [InlineData("something for my nanny, she loves baking", "grandmother")]
    [InlineData("my oma likes birds", "grandmother")]
    [InlineData("my granda is into his garden", "grandfather")]
    [InlineData("gift for my SO, he's into coffee", "partner")]
    [InlineData("the fella loves fishing", "partner")]
    [InlineData("for bae, loves coffee", "partner")]
    [InlineData("thank you gift for my bridesmaid", "grown-up")]
    [InlineData("groomsmen gifts, 30 each", "grown-up")]
    [InlineData("a flower girl gift", "child")]
    // Where someone is from says who they are: the lad at work is a colleague, not a child.
    [InlineData("secret santa for a lad at work who supports liverpool", "colleague")]
    [InlineData("the guy from work loves coffee", "colleague")]
    public void MapsRelationshipWordsToCanonicalRecipients(string text, string recipient) =>
        Assert.Equal(recipient, Assert.Single(TestVocabulary.Extract(text).Recipients).Value);

    [Theory]
    [InlineData("present for my friend's daughter, she's 6", "daughter", "my friend's")]
    [InlineData("what about for his sister, she's 5", "sister", "his")]
    [InlineData("a gift for their little boy", "child", "their")]
    [InlineData("something for my best friend's son", "son", "my best friend's")]
    [InlineData("end of year gift for my son's teacher", "teacher", "my son's")]
    [InlineData("for Sarah's little boy, he's 4", "child", "Sarah's")]
    [InlineData("a thank you for a colleague's wife", "wife", "a colleague's")]
    [InlineData("a gift for my sister", "sister", null)]
    [InlineData("my wife loves gardening", "wife", null)]
    public void KnowsWhoseRelationTheRecipientIs(string text, string recipient, string? owner)
    {
        var (u, entities) = TestVocabulary.Extractor.Value.Extract(text);
        var found = Assert.Single(entities.Recipients);
        Assert.Equal(recipient, found.Value);
        Assert.Equal(owner, RecipientExtractor.OwnerOf(u, found));
    }

    [Fact]
    public void DropsTheNegatedRecipient() =>
        Assert.Equal("brother", Assert.Single(TestVocabulary.Extract("wait, it's for my brother not my sister").Recipients).Value);

    [Theory]
    [InlineData("that's too pricey for me")]
    [InlineData("can I speak to a manager")]
    [InlineData("the other ones")]
    [InlineData("she wants to be a doctor")]
    [InlineData("loves dressing up as a nurse")]
    [InlineData("he loves playing teacher")]
    [InlineData("I'd rather not")]
    public void FindsNoRecipient_InSentencesThatOnlyLookLikeIt(string text) =>
        Assert.Empty(TestVocabulary.Extract(text).Recipients);
}
