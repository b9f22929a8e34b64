using GiftBot.Conversations.Text;

namespace GiftBot.Conversations.Tests.Unit;

public sealed class PayloadsTests
{
    [Theory]
    [InlineData("SHOW_MORE", "SHOW_MORE", null)]
    [InlineData("ADD_TO_BASKET:GB-1001", "ADD_TO_BASKET", "GB-1001")]
    [InlineData(" MORE_LIKE_THIS:GB-2002 ", "MORE_LIKE_THIS", "GB-2002")]
    [InlineData("FAQ:shipping", "FAQ", "shipping")]
    public void ParsesCommandsTheBotPutsOnButtons(string text, string name, string? argument)
    {
        Assert.True(Payloads.TryParse(text, out var command));
        Assert.Equal((name, argument), (command.Name, command.Argument));
    }

    [Theory]
    [InlineData("show more")]            // typed by a shopper
    [InlineData("HELP me please")]
    [InlineData("CHEAPER!")]
    [InlineData("ADD_TO_BASKET")]        // missing its product
    [InlineData("SHOW_MORE:5")]          // takes no argument
    [InlineData("DELETE_EVERYTHING")]    // not a command of ours
    [InlineData("ADD_TO_BASKET:GB 1")]
    [InlineData("")]
    [InlineData(null)]
    public void NeverMistakesFreeTextOrUnknownWordsForCommands(string? text) =>
        Assert.False(Payloads.TryParse(text, out _));

    [Fact]
    public void BuildsCommandsWithArguments_AndRefusesArgumentsThatWouldNotParse()
    {
        Assert.Equal("REMOVE_FROM_BASKET:GB-1", Payloads.With(Payloads.RemoveFromBasket, "GB-1"));
        Assert.Throws<ArgumentException>(() => Payloads.With(Payloads.ShowMore, "x"));
        Assert.Throws<ArgumentException>(() => Payloads.With(Payloads.AddToBasket, "two words"));
    }
}

public sealed class AnswerWordsTests
{
    [Theory]
    [InlineData("Not sure!", true)]
    [InlineData("i dont know", true)]
    [InlineData("I’m not sure really", true)]
    [InlineData("dinosaurs", false)]
    [InlineData("not surely", false)]
    [InlineData("cannot sure", false)]
    [InlineData("well not sure not sure", true)]
    public void MatchesUnsureAnswers_WhateverThePunctuation(string answer, bool unsure) =>
        Assert.Equal(unsure, Understanding.AnswerWords.Matches(answer, ["not sure", "I don't know"]));

    [Theory]
    [InlineData("not sure", "not sure")]
    [InlineData("  Not   Sure! ", "not sure")]
    [InlineData("don't", "dont")]
    [InlineData("lego 2", "lego 2")]
    [InlineData("Ça va", "ça va")]
    [InlineData("a  b", "a b")]
    [InlineData(" ", "")]
    [InlineData("ok 👍", "ok")]
    [InlineData("!!!", "")]
    public void Normalize_LowersAndDropsPunctuation_AndKeepsNormalisedTextAsItIs(string text, string expected) =>
        Assert.Equal(expected, Understanding.AnswerWords.Normalize(text));

    [Theory]
    [InlineData("👍", true)]
    [InlineData(" 👍🏽 ", true)]
    [InlineData("👎", false)]
    [InlineData("👍 but for my mom", false)]
    public void AThumbsUpAlone_IsAnAnswerOfItsOwn_WhateverTheSkinTone(string answer, bool yes) =>
        Assert.Equal(yes, Understanding.AnswerWords.IsExactly(answer, ["yes", "👍"]));

    [Fact]
    public void YesMustBeTheWholeAnswer() =>
        Assert.False(Understanding.AnswerWords.IsExactly("yes but for my mom", ["yes"]));

    [Theory]
    [InlineData("Books & reading!", "books & reading", true)]
    [InlineData("books", "Books & reading", false)]
    [InlineData(null, "books", false)]
    [InlineData("books", null, false)]
    public void OnePhrase_MustBeTheWholeAnswer(string? answer, string? phrase, bool expected) =>
        Assert.Equal(expected, Understanding.AnswerWords.IsExactly(answer, phrase));
}
