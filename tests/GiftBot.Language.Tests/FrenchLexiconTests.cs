using GiftBot.Language.Analysis;

namespace GiftBot.Language.Tests;

/// <summary>
/// French words a fr-FR shopper types at the gift finder's questions, read through the shipped lexicon (one lexicon for
/// every language: these words mean nothing else in English). "ma" stays English "mother", so "ma fille" is not here:
/// a French possessive needs the recognizer to know the shopper's locale.
/// </summary>
public sealed class FrenchLexiconTests
{
    private readonly SlotParser _parser = new(Lexicon.Load());

    [Theory]
    [InlineData("mon neveu", "nephew")]
    [InlineData("mon frère", "brother")]
    [InlineData("mon papi", "grandfather")]
    [InlineData("mon petit-fils", "grandson")]
    [InlineData("mes grands-parents", "grandparents")]
    [InlineData("un ami", "friend")]
    [InlineData("un collègue", "colleague")]
    [InlineData("mon filleul", "godchild")]
    [InlineData("pour moi", "myself")]
    public void FrenchRelationshipWords_NameTheRecipient(string text, string recipient) =>
        Assert.Equal(recipient, Assert.Single(TestVocabulary.Extract(text).Recipients).Value);

    [Theory]
    [InlineData("sans limite")]
    [InlineData("pas de limite")]
    [InlineData("budget illimité")]
    public void FrenchNoLimitAnswers_AreNoLimit(string text) => Assert.True(_parser.ParseBudget(text)?.NoLimit);

    [Theory]
    [InlineData("ado", 13, 17)]
    [InlineData("un bébé", 0, 1)]
    [InlineData("adulte", 18, 99)]
    public void FrenchStageWords_AreAges(string text, int min, int max)
    {
        var age = _parser.ParseAge(text);
        Assert.NotNull(age);
        Assert.Equal((min, max), (age.Min, age.Max));
    }
}
