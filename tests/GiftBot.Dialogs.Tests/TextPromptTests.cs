using GiftBot.Dialogs.Prompts;
using GiftBot.Dialogs.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using static GiftBot.Dialogs.Tests.Support.PromptHarness;

namespace GiftBot.Dialogs.Tests;

public class TextPromptTests
{
    public static TheoryData<StorageKind> Stores => StorageKinds.All;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ReturnsTheText_AndAsksWithExpectingInput(StorageKind store)
    {
        await Flow(new TextPrompt("ask"), Options("name?"), store)
            .Send("hi")
            .AssertReply(reply =>
            {
                Assert.Equal("name?", reply.AsMessageActivity().Text);
                Assert.Equal(InputHints.ExpectingInput, reply.AsMessageActivity().InputHint);
            })
            .Send("  Ada Lovelace ").AssertReply("result: Ada Lovelace")
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ImageInsteadOfText_GetsRetryPrompt(StorageKind store)
    {
        await Flow(new TextPrompt("ask"), Options("name?", "please type a name"), store)
            .Send("hi").AssertReply("name?")
            .Send(ImageOnly()).AssertReply("please type a name")
            .Send("   ").AssertReply("please type a name")
            .Send("Ada").AssertReply("result: Ada")
            .StartTestAsync();
    }

    [Fact]
    public async Task WithoutRetryPrompt_RepeatsThePrompt()
    {
        await Flow(new TextPrompt("ask"), Options("name?"))
            .Send("hi").AssertReply("name?")
            .Send(ImageOnly()).AssertReply("name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task NonMessageActivity_LeavesPromptWaiting()
    {
        await Flow(new TextPrompt("ask"), Options("name?"))
            .Send("hi").AssertReply("name?")
            .Send(new Activity(ActivityTypes.ConversationUpdate)).AssertNoReply(timeout: 50)
            .Send("Ada").AssertReply("result: Ada")
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task FailingValidator_GetsRetryPrompt_AndSeesAttemptCount(StorageKind store)
    {
        var attempts = new List<int>();
        var prompt = new TextPrompt("ask", (ctx, ct) =>
        {
            attempts.Add(ctx.AttemptCount);
            return Task.FromResult(ctx.Recognized.Value!.Length >= 2);
        });

        await Flow(prompt, Options("name?", "at least two letters"), store)
            .Send("hi").AssertReply("name?")
            .Send("A").AssertReply("at least two letters")
            .Send("Al").AssertReply("result: Al")
            .StartTestAsync();

        Assert.Equal([1, 2], attempts);
    }

    [Fact]
    public async Task ValidatorThatReplies_SuppressesRetryPrompt()
    {
        var prompt = new TextPrompt("ask", async (ctx, ct) =>
        {
            await ctx.Context.SendActivityAsync("that name is taken", cancellationToken: ct);
            return false;
        });

        await Flow(prompt, Options("name?", "retry"))
            .Send("hi").AssertReply("name?")
            .Send("Ada").AssertReply("that name is taken").AssertNoReply(timeout: 50)
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task RetryPrompt_KeepsItsQuickReplies_AfterTheStoreRoundTrip(StorageKind store)
    {
        // The gift finder's questions carry their quick replies in the prompt activity; on a retry the prompt sends
        // the stored copy, which with a JSON store has been read back from plain JSON.
        var retry = (Activity)MessageFactory.SuggestedActions(
            new[] { new CardAction(ActionTypes.PostBack, "Under 20", value: "BUDGET:20"), new CardAction(ActionTypes.ImBack, "No limit", value: "No limit") },
            "budget, please?",
            null,
            null);
        var options = new PromptOptions { Prompt = MessageFactory.Text("budget?"), RetryPrompt = retry };
        var prompt = new TextPrompt("ask", (ctx, ct) => Task.FromResult(ctx.Recognized.Value is "20" or "No limit"));

        await Flow(prompt, options, store)
            .Send("hi").AssertReply("budget?")
            .Send("lots").AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.Equal("budget, please?", message.Text);
                Assert.Equal(InputHints.ExpectingInput, message.InputHint);
                Assert.Equal(
                    [(ActionTypes.PostBack, "Under 20", "BUDGET:20"), (ActionTypes.ImBack, "No limit", "No limit")],
                    message.SuggestedActions.Actions.Select(a => (a.Type, a.Title, (string)a.Value)));
            })
            .Send("No limit").AssertReply("result: No limit")
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task PromptAndRetry_OfferingTheSameQuickReplies_BothKeepThem_AfterTheStoreRoundTrip(StorageKind store)
    {
        // The gift finder's questions and their retries offer the same answers; the store keeps them once.
        CardAction[] Answers() => [new(ActionTypes.ImBack, "Under 20", value: "Under 20"), new(ActionTypes.ImBack, "No limit", value: "No limit")];
        var options = new PromptOptions
        {
            Prompt = (Activity)MessageFactory.SuggestedActions(Answers(), "budget?", null, InputHints.ExpectingInput),
            RetryPrompt = (Activity)MessageFactory.SuggestedActions(Answers(), "budget, please?", null, InputHints.ExpectingInput),
        };
        var prompt = new TextPrompt("ask", (ctx, ct) => Task.FromResult(ctx.Recognized.Value is "Under 20" or "No limit"));
        Action<IActivity> Offers(string text) => reply =>
        {
            var message = reply.AsMessageActivity();
            Assert.Equal(text, message.Text);
            Assert.Equal([(ActionTypes.ImBack, "Under 20", "Under 20"), (ActionTypes.ImBack, "No limit", "No limit")],
                message.SuggestedActions.Actions.Select(a => (a.Type, a.Title, (string)a.Value)));
        };

        await Flow(prompt, options, store)
            .Send("hi").AssertReply(Offers("budget?"))
            .Send("lots").AssertReply(Offers("budget, please?"))
            .Send("heaps").AssertReply(Offers("budget, please?"))
            .Send("No limit").AssertReply("result: No limit")
            .StartTestAsync();
    }

    [Fact]
    public async Task BeginWithoutPromptOptions_IsRejected()
    {
        var harness = new DialogHarness(StorageKind.Memory, new TextPrompt("ask"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => harness.Flow((dc, ct) => dc.BeginDialogAsync("ask", "not options", ct)).Send("hi").StartTestAsync());
    }
}
