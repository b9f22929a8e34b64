using GiftBot.Dialogs.Choices;
using GiftBot.Dialogs.Prompts;
using GiftBot.Dialogs.Tests.Support;
using Microsoft.Bot.Schema;
using static GiftBot.Dialogs.Tests.Support.PromptHarness;

namespace GiftBot.Dialogs.Tests;

public class ConfirmPromptTests
{
    public static TheoryData<StorageKind> Stores => StorageKinds.All;

    [Theory]
    [InlineData("yes", "yes")]
    [InlineData("Yes!", "yes")]
    [InlineData("yeah", "yes")]
    [InlineData("yep", "yes")]
    [InlineData("sure", "yes")]
    [InlineData("ok sounds good", "yes")]
    [InlineData("1", "yes")]
    [InlineData("the first one", "yes")]
    [InlineData("no", "no")]
    [InlineData("nope", "no")]
    [InlineData("No thanks", "no")]
    [InlineData("nah", "no")]
    [InlineData("not right", "no")]
    [InlineData("2", "no")]
    public async Task RecognisesYesAndNoVariants(string answer, string expected)
    {
        await Flow(new ConfirmPrompt("ok?"), Options("sure?", "yes or no?"))
            .Send("hi").AssertReply("sure? (1) Yes or (2) No")
            .Send(answer).AssertReply($"result: {expected}")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("not sure")]
    [InlineData("maybe")]
    [InlineData("what?")]
    [InlineData("3")]
    public async Task UnsureOrUnrelatedAnswers_GetRetryPrompt(string answer)
    {
        await Flow(new ConfirmPrompt("ok?"), Options("sure?", "yes or no?"))
            .Send("hi").AssertReply("sure? (1) Yes or (2) No")
            .Send(answer).AssertReply("yes or no? (1) Yes or (2) No")
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ImageInsteadOfAnswer_GetsRetryPrompt(StorageKind store)
    {
        await Flow(new ConfirmPrompt("ok?"), Options("sure?", "yes or no?"), store)
            .Send("hi").AssertReply("sure? (1) Yes or (2) No")
            .Send(ImageOnly()).AssertReply("yes or no? (1) Yes or (2) No")
            .Send("yes").AssertReply("result: yes")
            .StartTestAsync();
    }

    [Fact]
    public async Task ShowsQuickReplies_OnEmulator()
    {
        await PromptHarness.Create(new ConfirmPrompt("ok?"), Options("sure?"), channelId: "emulator").ContinueOrBegin("PromptTest")
            .Send("hi")
            .AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.Equal("sure?", message.Text);
                Assert.Equal(["Yes", "No"], message.SuggestedActions.Actions.Select(a => a.Title));
                Assert.All(message.SuggestedActions.Actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
            })
            .Send("Yes").AssertReply("result: yes")
            .StartTestAsync();
    }

    [Fact]
    public async Task UsesCustomChoices_AndTheirPayloads()
    {
        var prompt = new ConfirmPrompt("ok?")
        {
            ConfirmChoices = Tuple.Create(
                new Choice("Absolutely") { Action = new CardAction(ActionTypes.PostBack, "Absolutely", value: "CONFIRM_YES") },
                new Choice("Not now") { Action = new CardAction(ActionTypes.PostBack, "Not now", value: "CONFIRM_NO") }),
        };

        await Flow(prompt, Options("add it?"))
            .Send("hi").AssertReply("add it? (1) Absolutely or (2) Not now")
            .Send("CONFIRM_NO").AssertReply("result: no")
            .StartTestAsync();
    }

    [Fact]
    public async Task UsesLocaleWords_ForChoicesAndAnswers()
    {
        await Flow(new ConfirmPrompt("ok?"), Options("d'accord ?"))
            .Send(Message("salut", "fr-fr")).AssertReply("d'accord ? (1) Oui ou (2) Non")
            .Send(Message("ouais", "fr-fr")).AssertReply("result: yes")
            .StartTestAsync();
    }
}
