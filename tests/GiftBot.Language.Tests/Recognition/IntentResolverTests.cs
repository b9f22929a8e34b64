using GiftBot.Language.Embedded;
using GiftBot.Language.Entities;

namespace GiftBot.Language.Tests.Recognition;

public sealed class IntentResolverTests
{
    private readonly IntentResolver _resolver = new(noneThreshold: 0.25, faqMinSimilarity: 0.35);

    private static readonly ExtractedEntities AnInterestWord = new() { Interests = [new EntityMention<string>("outdoors", 3, 3)] };

    [Fact]
    public void ACloseFaqMatch_WhoseOnlyGiftSlotIsAnInterestWord_IsAQuestionToTheShop()
    {
        var (_, top, _) = _resolver.Resolve([(GiftIntents.FindGift, 0.8f)], AnInterestWord, ("stores-and-hours", 0.7));

        Assert.Equal(GiftIntents.Faq, top);
    }

    [Fact]
    public void AnInterestWithAnAgeOrABudget_StaysAGiftRequest_EvenCloseToTheFaq()
    {
        var withAge = AnInterestWord with { Age = new EntityMention<AgeRange>(new AgeRange(8, 8), 0, 0) };

        var (_, top, _) = _resolver.Resolve([(GiftIntents.FindGift, 0.8f)], withAge, ("stores-and-hours", 0.7));

        Assert.Equal(GiftIntents.FindGift, top);
    }

    [Fact]
    public void AnInterestWord_FarFromTheFaq_StaysAGiftRequest()
    {
        var (_, top, _) = _resolver.Resolve([(GiftIntents.FindGift, 0.8f)], AnInterestWord, ("stores-and-hours", 0.45));

        Assert.Equal(GiftIntents.FindGift, top);
    }

    [Fact]
    public void ACloseFaqMatch_BeatsAnUnsureClassifier()
    {
        // "I'd like to see what info you have on me": the classifier leans to "show more", the FAQ's privacy entry is close.
        var (_, top, _) = _resolver.Resolve([(GiftIntents.ShowMore, 0.31f), (GiftIntents.Faq, 0.1f)], new ExtractedEntities(), ("privacy", 0.66));

        Assert.Equal(GiftIntents.Faq, top);
    }

    [Fact]
    public void ACloseFaqMatch_DoesNotOverrideASureClassifier()
    {
        var (_, top, _) = _resolver.Resolve([(GiftIntents.TalkToHuman, 0.7f)], new ExtractedEntities(), ("contact", 0.66));

        Assert.Equal(GiftIntents.TalkToHuman, top);
    }
}
