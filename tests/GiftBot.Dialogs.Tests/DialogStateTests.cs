using GiftBot.Dialogs.Prompts;
using GiftBot.Dialogs.Tests.Support;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace GiftBot.Dialogs.Tests;

/// <summary>Stored stacks that cannot be continued must say so with DialogStateException, so the host can reset them.</summary>
public class DialogStateTests
{
    [Fact]
    public async Task StoredState_IsPlainJson_WithoutTypeNames()
    {
        var storage = new JsonRoundTripStorage();
        var harness = new DialogHarness(storage, "test", new GiftQuestionsDialog());

        await harness.Flow().Send("hi").AssertReply("name?").Send("Ada").AssertReply("age?").StartTestAsync();

        var json = Assert.Single(storage.Items).Value;
        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        Assert.Contains("\"version\":\"questions:4\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownDialogId_InStack_RaisesDialogStateException()
    {
        var storage = new JsonRoundTripStorage();
        await new DialogHarness(storage, "test", new GiftQuestionsDialog()).Flow().Send("hi").AssertReply("name?").StartTestAsync();
        storage.Rewrite(json =>
        {
            json["DialogState"]!["dialogStack"]![0]!["id"] = "RemovedDialog";
            return json;
        });

        var error = await Assert.ThrowsAsync<DialogStateException>(
            () => new DialogHarness(storage, "test", new GiftQuestionsDialog()).Flow().Send("Ada").StartTestAsync());

        Assert.Equal("RemovedDialog", error.DialogId);
    }

    [Theory]
    [InlineData(StorageKind.Memory)]
    [InlineData(StorageKind.JsonRoundTrip)]
    public async Task WaterfallWithChangedStepCount_RaisesDialogStateException(StorageKind store)
    {
        var storage = StorageKinds.Create(store);
        var before = new WaterfallDialog("Gift", [Steps.Say("one"), Steps.Say("two")]);
        await new DialogHarness(storage, "test", before).Flow().Send("hi").AssertReply("one").StartTestAsync();

        var after = new WaterfallDialog("Gift", [Steps.Say("one"), Steps.Say("new step"), Steps.Say("two")]);
        var error = await Assert.ThrowsAsync<DialogStateException>(
            () => new DialogHarness(storage, "test", after).Flow().Send("next").StartTestAsync());

        Assert.Equal("Gift", error.DialogId);
    }

    [Fact]
    public async Task InnerWaterfallChanged_InsideComponent_RaisesDialogStateException()
    {
        var storage = new JsonRoundTripStorage();
        await new DialogHarness(storage, "test", new GiftQuestionsDialog()).Flow().Send("hi").AssertReply("name?").StartTestAsync();
        storage.Rewrite(json =>
        {
            json["DialogState"]!["dialogStack"]![0]!["state"]!["dialogs"]!["dialogStack"]![1]!["version"] = "questions:3";
            return json;
        });

        var error = await Assert.ThrowsAsync<DialogStateException>(
            () => new DialogHarness(storage, "test", new GiftQuestionsDialog()).Flow().Send("Ada").StartTestAsync());

        Assert.Equal("questions", error.DialogId);
    }

    [Theory]
    [InlineData("stepIndex", "\"not a number\"")]
    [InlineData("stepIndex", "42")]
    [InlineData("values", "[1, 2]")]
    public async Task UnreadableWaterfallState_RaisesDialogStateException(string key, string badJson)
    {
        var storage = new JsonRoundTripStorage();
        var waterfall = new WaterfallDialog("Gift", [Steps.Say("one"), Steps.Say("two")]);
        await new DialogHarness(storage, "test", waterfall).Flow().Send("hi").AssertReply("one").StartTestAsync();
        storage.Rewrite(json =>
        {
            json["DialogState"]!["dialogStack"]![0]!["state"]![key] = JToken.Parse(badJson);
            return json;
        });

        await Assert.ThrowsAsync<DialogStateException>(
            () => new DialogHarness(storage, "test", waterfall).Flow().Send("next").StartTestAsync());
    }

    [Theory]
    [InlineData("$.DialogState.dialogStack[0].state.dialogs", "\"corrupt\"")]
    [InlineData("$.DialogState.dialogStack[0].state.dialogs.dialogStack[0].state.promptOptions", "5")]
    [InlineData("$.DialogState.dialogStack[0].state.dialogs.dialogStack[0].state.promptOptions", "{ \"prompt\": 5 }")]
    [InlineData("$.DialogState.dialogStack[0].state.dialogs.dialogStack[0].state.state", "\"x\"")]
    [InlineData("$.DialogState.dialogStack[0]", "null")]
    [InlineData("$.DialogState", "\"corrupt\"")]
    public async Task CorruptComponentOrPromptState_RaisesDialogStateException(string path, string badJson)
    {
        var storage = new JsonRoundTripStorage();
        await new DialogHarness(storage, "test", new GiftQuestionsDialog()).Flow().Send("hi").AssertReply("name?").StartTestAsync();
        storage.Rewrite(json =>
        {
            json.SelectToken(path)!.Replace(JToken.Parse(badJson));
            return json;
        });

        await Assert.ThrowsAsync<DialogStateException>(
            () => new DialogHarness(storage, "test", new GiftQuestionsDialog()).Flow().Send("Ada").StartTestAsync());
    }

    [Fact]
    public async Task PromptStoredByAnEarlierVersion_UnderOptions_IsStillContinued()
    {
        var storage = new JsonRoundTripStorage();
        await new DialogHarness(storage, "test", new GiftQuestionsDialog()).Flow().Send("hi").AssertReply("name?").StartTestAsync();
        storage.Rewrite(json =>
        {
            var prompt = (JObject)json.SelectToken("$.DialogState.dialogStack[0].state.dialogs.dialogStack[0].state")!;
            prompt["options"] = prompt["promptOptions"];
            prompt.Remove("promptOptions");
            return json;
        });

        await new DialogHarness(storage, "test", new GiftQuestionsDialog()).Flow().Send("Ada").AssertReply("age?").StartTestAsync();

        var stored = JObject.Parse(Assert.Single(storage.Items).Value);
        Assert.Null(stored.SelectToken("$..options.prompt"));
    }

    [Fact]
    public async Task HostCanResetUnreadableState_AndStartOver()
    {
        var storage = new JsonRoundTripStorage();
        await new DialogHarness(storage, "test", new GiftQuestionsDialog()).Flow().Send("hi").AssertReply("name?").StartTestAsync();
        storage.Rewrite(json =>
        {
            json["DialogState"]!["dialogStack"]![0]!["id"] = "RemovedDialog";
            return json;
        });
        var harness = new DialogHarness(storage, "test", new GiftQuestionsDialog());
        var dialog = new GiftQuestionsDialog();

        // What a host's error handling does: apologise, forget the stack, carry on.
        var flow = new Microsoft.Bot.Builder.Adapters.TestFlow(harness.Adapter, async (turnContext, ct) =>
        {
            try
            {
                await dialog.RunAsync(turnContext, harness.DialogState, ct);
            }
            catch (DialogStateException)
            {
                await turnContext.SendActivityAsync("sorry, starting over", cancellationToken: ct);
                await harness.ConversationState.DeleteAsync(turnContext, ct);
                await dialog.RunAsync(turnContext, harness.DialogState, ct);
            }

            await harness.ConversationState.SaveChangesAsync(turnContext, false, ct);
        });

        await flow.Send("Ada").AssertReply("sorry, starting over").AssertReply("name?")
            .Send("Ada").AssertReply("age?")
            .StartTestAsync();
    }

    [Fact]
    public void StateConvert_ConvertsJsonShapes_AndReportsWhatItCannot()
    {
        Assert.Equal(8, StateConvert.To<int>(8L));
        Assert.Equal(2.5m, StateConvert.To<decimal>(2.5d));
        Assert.Equal(StoredEnum.Two, StateConvert.To<StoredEnum>(2L));
        Assert.Equal("Ada", StateConvert.To<PromptOptions>(JObject.Parse("{\"prompt\":{\"type\":\"message\",\"text\":\"Ada\"}}"))!.Prompt!.Text);
        Assert.Equal(["a", "b"], StateConvert.To<List<string>>(JArray.Parse("[\"a\",\"b\"]")));
        Assert.Throws<DialogStateException>(() => StateConvert.To<int>("eight"));
        Assert.False(StateConvert.TryTo<int>(JObject.Parse("{}"), out _));
    }

    public enum StoredEnum
    {
        One = 1,
        Two = 2,
    }
}
