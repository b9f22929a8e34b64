using GiftBot.Dialogs.Choices;
using GiftBot.Dialogs.Prompts;
using GiftBot.Dialogs.Tests.Support;
using Microsoft.Bot.Schema;
using static GiftBot.Dialogs.Tests.Support.PromptHarness;

namespace GiftBot.Dialogs.Tests;

public class ChoicePromptTests
{
    public static TheoryData<StorageKind> Stores => StorageKinds.All;

    [Theory]
    [InlineData("space", "Space@0")]
    [InlineData("SPACE!", "Space@0")]
    [InlineData("rockets", "Space@0")]
    [InlineData("she loves astronauts", "Space@0")]
    [InlineData("dinosaur", "Dinosaurs@1")]
    [InlineData("trucks", "Cars and trucks@2")]
    [InlineData("crafts", "Arts & crafts@3")]
    [InlineData("the second one", "Dinosaurs@1")]
    [InlineData("2nd", "Dinosaurs@1")]
    [InlineData("third", "Cars and trucks@2")]
    [InlineData("the last one", "Arts & crafts@3")]
    [InlineData("2", "Dinosaurs@1")]
    [InlineData("two", "Dinosaurs@1")]
    [InlineData("number 4 please", "Arts & crafts@3")]
    public async Task RecognisesTextSynonymsOrdinalsAndNumbers(string answer, string expected)
    {
        await Flow(new ChoicePrompt("pick"), Options("What do they love?", "Pick one of these:", Interests()))
            .Send("hi").AssertReply(reply => Assert.StartsWith("What do they love?", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send(answer).AssertReply($"result: {expected}")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("5")]
    [InlineData("my son is 2")]
    [InlineData("football")]
    public async Task OutOfRangeOrUnrelatedAnswers_GetRetryPrompt(string answer)
    {
        await Flow(new ChoicePrompt("pick"), Options("What do they love?", "Pick one of these:", Interests()))
            .Send("hi").AssertReply(_ => { })
            .Send(answer).AssertReply(reply => Assert.StartsWith("Pick one of these:", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task AmbiguousPartialAnswer_IsNotGuessed()
    {
        var choices = ChoiceFactory.ToChoices(["Lego City", "Lego Friends"]);

        await Flow(new ChoicePrompt("pick"), Options("Which set?", "Which one exactly?", choices))
            .Send("hi").AssertReply("Which set? (1) Lego City or (2) Lego Friends")
            .Send("lego").AssertReply("Which one exactly? (1) Lego City or (2) Lego Friends")
            .Send("friends").AssertReply("result: Lego Friends@1")
            .StartTestAsync();
    }

    [Fact]
    public async Task FullMatch_BeatsShorterChoiceInsideIt()
    {
        var choices = ChoiceFactory.ToChoices(["Red", "Dark red"]);

        await Flow(new ChoicePrompt("pick"), Options("Colour?", null, choices))
            .Send("hi").AssertReply("Colour? (1) Red or (2) Dark red")
            .Send("dark red please").AssertReply("result: Dark red@1")
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task TappedPostbackPayload_SelectsItsChoice(StorageKind store)
    {
        var choices = new List<Choice>
        {
            new("space") { Action = new CardAction(ActionTypes.PostBack, "🚀 Space", value: "INTEREST:space") },
            new("animals") { Action = new CardAction(ActionTypes.PostBack, "🐾 Animals", value: "INTEREST:animals") },
        };

        await Flow(new ChoicePrompt("pick"), Options("Interests?", null, choices), store, "facebook")
            .Send("hi").AssertReply(reply =>
                Assert.Equal(["INTEREST:space", "INTEREST:animals"], reply.AsMessageActivity().SuggestedActions.Actions.Select(a => (string)a.Value)))
            .Send("INTEREST:animals").AssertReply("result: animals@1")
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ImageInsteadOfChoice_GetsRetryPrompt(StorageKind store)
    {
        await Flow(new ChoicePrompt("pick"), Options("Colour?", "Please pick a colour:", ChoiceFactory.ToChoices(["red", "green"])), store)
            .Send("hi").AssertReply("Colour? (1) red or (2) green")
            .Send(ImageOnly()).AssertReply("Please pick a colour: (1) red or (2) green")
            .Send("green").AssertReply("result: green@1")
            .StartTestAsync();
    }

    [Fact]
    public void FoundChoice_ReportsTheSynonymThatMatched()
    {
        var found = ChoiceRecognizers.RecognizeChoice("rockets", Interests());

        Assert.NotNull(found);
        Assert.Equal("Space", found.Value);
        Assert.Equal("rockets", found.Synonym);
        Assert.Equal(1f, found.Score);
    }

    [Fact]
    public void PartialMatch_ScoresBelowOne()
    {
        var found = ChoiceRecognizers.RecognizeChoice("trucks", Interests());

        Assert.NotNull(found);
        Assert.InRange(found.Score, 0.1f, 0.9f);
    }

    private static List<Choice> Interests() =>
    [
        new("Space") { Synonyms = ["rockets", "astronaut", "planets"] },
        new("Dinosaurs"),
        new("Cars and trucks"),
        new("Arts & crafts"),
    ];
}
