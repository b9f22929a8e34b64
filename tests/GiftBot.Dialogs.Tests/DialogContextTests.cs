using GiftBot.Dialogs.Prompts;
using GiftBot.Dialogs.Tests.Support;
using Microsoft.Bot.Builder;

namespace GiftBot.Dialogs.Tests;

public class DialogContextTests
{
    public static TheoryData<StorageKind> Stores => StorageKinds.All;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task RunsStepsInOrder_AndCompletesWithResult(StorageKind store)
    {
        var harness = new DialogHarness(store, new WaterfallDialog("A", [Steps.Say("a1"), Steps.Say("a2"), Steps.End("done")]));

        await harness.ContinueOrBegin("A").Send("hi").AssertReply("a1").Send("x").AssertReply("a2").StartTestAsync();
        Assert.Equal(DialogTurnStatus.Waiting, harness.LastResult!.Status);

        await harness.ContinueOrBegin("A").Send("y").AssertNoReply(timeout: 50).StartTestAsync();
        Assert.Equal(DialogTurnStatus.Complete, harness.LastResult!.Status);
        Assert.Equal("done", harness.LastResult.Result);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task EndDialog_ResumesParentWithChildResult(StorageKind store)
    {
        var parent = new WaterfallDialog("Parent", [(s, ct) => s.BeginDialogAsync("Child", null, ct), Steps.Echo("child said")]);
        var child = new WaterfallDialog("Child", [Steps.Say("child asks"), Steps.End("from child")]);
        var harness = new DialogHarness(store, parent, child);

        await harness.ContinueOrBegin("Parent")
            .Send("hi").AssertReply("child asks")
            .Send("answer").AssertReply("child said: from child")
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Stack_HasActiveDialogAtIndexZero(StorageKind store)
    {
        var parent = new WaterfallDialog("Parent", [(s, ct) => s.BeginDialogAsync("Child", null, ct)]);
        var child = new WaterfallDialog("Child", [Steps.Say("child asks")]);
        var harness = new DialogHarness(store, parent, child);
        List<string> ids = [];

        await harness.Flow(async (dc, ct) =>
        {
            var result = await dc.BeginDialogAsync("Parent", null, ct);
            ids = dc.Stack.Select(i => i.Id).ToList();
            Assert.Equal("Child", dc.ActiveDialog!.Id);
            return result;
        }).Send("hi").AssertReply("child asks").StartTestAsync();

        Assert.Equal(["Child", "Parent"], ids);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ReplaceDialog_DoesNotResumeParent_UntilReplacementEnds(StorageKind store)
    {
        var parent = new WaterfallDialog("Parent", [(s, ct) => s.BeginDialogAsync("A", null, ct), Steps.Echo("parent resumed")]);
        var a = new WaterfallDialog("A", [Steps.Say("in A"), (s, ct) => s.ReplaceDialogAsync("B", null, ct)]);
        var b = new WaterfallDialog("B", [Steps.Say("in B"), Steps.End("from B")]);
        var harness = new DialogHarness(store, parent, a, b);

        await harness.ContinueOrBegin("Parent")
            .Send("hi").AssertReply("in A")
            .Send("x").AssertReply("in B")
            .Send("y").AssertReply("parent resumed: from B")
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task CancelAll_EmptiesStack_AndNextMessageStartsOver(StorageKind store)
    {
        var parent = new WaterfallDialog("Parent", [(s, ct) => s.BeginDialogAsync("Child", null, ct), Steps.Echo("parent resumed")]);
        var child = new WaterfallDialog("Child", [Steps.Say("child asks"), Steps.Say("child again")]);
        var harness = new DialogHarness(store, parent, child);
        var cancelOrContinue = harness.Flow(async (dc, ct) =>
        {
            if (dc.Context.Activity.Text == "cancel")
            {
                return await dc.CancelAllDialogsAsync(ct);
            }

            var result = await dc.ContinueDialogAsync(ct);
            return result.Status == DialogTurnStatus.Empty ? await dc.BeginDialogAsync("Parent", null, ct) : result;
        });

        await cancelOrContinue.Send("hi").AssertReply("child asks").Send("cancel").AssertNoReply(timeout: 50).StartTestAsync();
        Assert.Equal(DialogTurnStatus.Cancelled, harness.LastResult!.Status);

        await harness.ContinueOrBegin("Parent").Send("hello again").AssertReply("child asks").StartTestAsync();
    }

    [Fact]
    public async Task CancelAll_OnEmptyStack_ReportsEmpty()
    {
        var harness = new DialogHarness(StorageKind.Memory, new WaterfallDialog("A", [Steps.Say("a1")]));

        await harness.Flow((dc, ct) => dc.CancelAllDialogsAsync(ct)).Send("cancel").AssertNoReply(timeout: 50).StartTestAsync();

        Assert.Equal(DialogTurnStatus.Empty, harness.LastResult!.Status);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Reprompt_AsksTheActivePromptAgain(StorageKind store)
    {
        var root = new WaterfallDialog("Root", [
            (s, ct) => s.PromptAsync("name", new PromptOptions { Prompt = MessageFactory.Text("Your name?") }, ct),
            Steps.Echo("name")]);
        var harness = new DialogHarness(store, root, new TextPrompt("name"));
        var flow = harness.Flow(async (dc, ct) =>
        {
            if (dc.Context.Activity.Text == "pardon?")
            {
                await dc.RepromptDialogAsync(ct);
                return Dialog.EndOfTurn;
            }

            var result = await dc.ContinueDialogAsync(ct);
            return result.Status == DialogTurnStatus.Empty ? await dc.BeginDialogAsync("Root", null, ct) : result;
        });

        await flow.Send("hi").AssertReply("Your name?")
            .Send("pardon?").AssertReply("Your name?")
            .Send("Ada").AssertReply("name: Ada")
            .StartTestAsync();
    }

    [Fact]
    public async Task EndDialog_OnLastDialog_CompletesWithResult()
    {
        var harness = new DialogHarness(StorageKind.Memory, new WaterfallDialog("A", [(s, ct) => s.EndDialogAsync(42, ct)]));

        await harness.ContinueOrBegin("A").Send("hi").AssertNoReply(timeout: 50).StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, harness.LastResult!.Status);
        Assert.Equal(42, harness.LastResult.Result);
    }

    [Fact]
    public async Task BeginDialog_WithUnknownId_Throws()
    {
        var harness = new DialogHarness(StorageKind.Memory, new WaterfallDialog("A", [Steps.Say("a1")]));

        await Assert.ThrowsAsync<ArgumentException>(
            () => harness.Flow((dc, ct) => dc.BeginDialogAsync("Nope", null, ct)).Send("hi").StartTestAsync());
    }

    [Fact]
    public void DialogSet_RefusesTwoDifferentDialogsWithOneId()
    {
        var set = new DialogSet().Add(new TextPrompt("ask"));

        Assert.Throws<ArgumentException>(() => set.Add(new TextPrompt("ask")));
    }
}
