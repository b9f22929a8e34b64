using GiftBot.Dialogs.Tests.Support;
using Newtonsoft.Json.Linq;

namespace GiftBot.Dialogs.Tests;

public class ComponentDialogTests
{
    public static TheoryData<StorageKind> Stores => StorageKinds.All;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task RunsNestedWaterfallAndPrompts_AndReturnsResultToParent(StorageKind store)
    {
        var harness = new DialogHarness(store, MainWaterfall(), new GiftQuestionsDialog());

        await harness.ContinueOrBegin("Main")
            .Send("hi").AssertReply("name?")
            .Send("Ada").AssertReply("age?")
            .Send("seven").AssertReply("age between 0 and 120?")
            .Send("7").AssertReply("sure? (1) Yes or (2) No")
            .Send("yeah").AssertReply("gift: Ada is 7")
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task HelpInterruption_AnswersAndRepeatsCurrentQuestion(StorageKind store)
    {
        var harness = new DialogHarness(store, MainWaterfall(), new GiftQuestionsDialog());

        await harness.ContinueOrBegin("Main")
            .Send("hi").AssertReply("name?")
            .Send("Ada").AssertReply("age?")
            .Send("help").AssertReply("help text").AssertReply("age?")
            .Send("8").AssertReply("sure? (1) Yes or (2) No")
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task CancelInsideComponent_EndsIt_AndParentResumesWithoutResult(StorageKind store)
    {
        var harness = new DialogHarness(store, MainWaterfall(), new GiftQuestionsDialog());

        await harness.ContinueOrBegin("Main")
            .Send("hi").AssertReply("name?")
            .Send("cancel").AssertReply("gift: null")
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task CancelWithParents_EmptiesOuterStackToo(StorageKind store)
    {
        var harness = new DialogHarness(store, MainWaterfall(), new GiftQuestionsDialog());

        await harness.ContinueOrBegin("Main").Send("hi").AssertReply("name?").Send("quit").AssertNoReply(timeout: 50).StartTestAsync();
        Assert.Equal(DialogTurnStatus.Cancelled, harness.LastResult!.Status);

        await harness.ContinueOrBegin("Main").Send("hello").AssertReply("name?").StartTestAsync();
    }

    [Fact]
    public async Task CancelAll_ClearsComponent_EvenWhenItsInnerStateIsCorrupt()
    {
        var storage = new JsonRoundTripStorage();
        await new DialogHarness(storage, "test", new GiftQuestionsDialog()).Flow().Send("hi").AssertReply("name?").StartTestAsync();
        storage.Rewrite(json =>
        {
            json["DialogState"]!["dialogStack"]![0]!["state"]!["dialogs"] = "corrupt";
            return json;
        });
        var harness = new DialogHarness(storage, "test", new GiftQuestionsDialog());

        await harness.Flow((dc, ct) => dc.CancelAllDialogsAsync(ct)).Send("start over").StartTestAsync();

        Assert.Equal(DialogTurnStatus.Cancelled, harness.LastResult!.Status);
        await harness.Flow().Send("hi").AssertReply("name?").StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task RunAsync_BeginsComponent_WhenStackIsEmpty_AndAgainAfterItCompletes(StorageKind store)
    {
        var harness = new DialogHarness(store, new GiftQuestionsDialog());

        await harness.Flow()
            .Send("hi").AssertReply("name?")
            .Send("Ada").AssertReply("age?")
            .Send("30").AssertReply("sure? (1) Yes or (2) No")
            .Send("no").AssertNoReply(timeout: 50)
            .StartTestAsync();
        Assert.Equal(DialogTurnStatus.Complete, harness.LastResult!.Status);
        Assert.Equal("not confirmed", harness.LastResult.Result);

        await harness.Flow().Send("hello again").AssertReply("name?").StartTestAsync();
    }

    [Fact]
    public async Task InnerStack_IsPersistedInsideComponentInstanceState()
    {
        var storage = new JsonRoundTripStorage();
        var harness = new DialogHarness(storage, "test", new GiftQuestionsDialog());

        await harness.Flow().Send("hi").AssertReply("name?").Send("Ada").AssertReply("age?").StartTestAsync();

        var stored = JObject.Parse(Assert.Single(storage.Items).Value);
        var outer = stored["DialogState"]!["dialogStack"]!.Single();
        Assert.Equal(nameof(GiftQuestionsDialog), (string?)outer["id"]);
        var inner = outer["state"]!["dialogs"]!["dialogStack"]!.Select(i => (string?)i["id"]);
        Assert.Equal(["age", "questions"], inner);
    }

    private static WaterfallDialog MainWaterfall() => new("Main", [
        (s, ct) => s.BeginDialogAsync(nameof(GiftQuestionsDialog), null, ct),
        Steps.Echo("gift"),
    ]);
}
