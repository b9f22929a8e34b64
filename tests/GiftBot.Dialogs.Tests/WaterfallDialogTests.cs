using GiftBot.Dialogs.Prompts;
using GiftBot.Dialogs.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Dialogs.Tests;

public class WaterfallDialogTests
{
    public static TheoryData<StorageKind> Stores => StorageKinds.All;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task NextAsync_SkipsQuestion_WhenValueAlreadyKnown(StorageKind store)
    {
        var harness = new DialogHarness(store, AskNameWaterfall(), new TextPrompt("name"));

        await harness.ContinueOrBegin("AskName", new GiftOptions { Recipient = "Ada" })
            .Send("hi").AssertReply("hello Ada").StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task AsksQuestion_WhenValueUnknown(StorageKind store)
    {
        var harness = new DialogHarness(store, AskNameWaterfall(), new TextPrompt("name"));

        await harness.ContinueOrBegin("AskName", new GiftOptions())
            .Send("hi").AssertReply("Who is it for?")
            .Send("Grace").AssertReply("hello Grace")
            .StartTestAsync();
    }

    [Fact]
    public async Task NextAsync_CalledTwiceInOneStep_Throws()
    {
        var waterfall = new WaterfallDialog("Twice", [
            async (s, ct) =>
            {
                await s.NextAsync(null, ct);
                return await s.NextAsync(null, ct);
            },
            Steps.Say("second step"),
        ]);
        var harness = new DialogHarness(StorageKind.Memory, waterfall);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Flow().Send("hi").StartTestAsync());
        Assert.Contains("NextAsync", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Values_AndOptions_ReadBackTyped_OnLaterTurns(StorageKind store)
    {
        var waterfall = new WaterfallDialog("Remember", [
            (s, ct) =>
            {
                s.Values["age"] = 8;
                s.Values["budget"] = 25.5m;
                s.Values["profile"] = new GiftOptions { Recipient = "nephew", Interests = ["space", "dinosaurs"] };
                return Steps.Say("noted")(s, ct);
            },
            async (s, ct) =>
            {
                var profile = s.GetValue<GiftOptions>("profile")!;
                var text = $"{s.GetOptions<GiftOptions>()!.Recipient}/{s.GetValue<int>("age")}/{s.GetValue<decimal>("budget")}"
                    + $"/{profile.Recipient}/{string.Join('+', profile.Interests)}/{s.GetValue<string>("missing") ?? "none"}";
                await s.Context.SendActivityAsync(text, cancellationToken: ct);
                return Dialog.EndOfTurn;
            },
        ]);
        var harness = new DialogHarness(store, waterfall);

        await harness.Flow(async (dc, ct) =>
            {
                var result = await dc.ContinueDialogAsync(ct);
                return result.Status == DialogTurnStatus.Empty
                    ? await dc.BeginDialogAsync("Remember", new GiftOptions { Recipient = "niece" }, ct)
                    : result;
            })
            .Send("hi").AssertReply("noted")
            .Send("next").AssertReply("niece/8/25.5/nephew/space+dinosaurs/none")
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task NonMessageActivity_DoesNotAdvanceWaterfall(StorageKind store)
    {
        var harness = new DialogHarness(store, new WaterfallDialog("A", [Steps.Say("first"), Steps.Echo("second")]));

        await harness.Flow()
            .Send("hi").AssertReply("first")
            .Send(new Activity(ActivityTypes.Event) { Name = "referral" }).AssertNoReply(timeout: 50)
            .Send(new Activity(ActivityTypes.Typing)).AssertNoReply(timeout: 50)
            .Send("go on").AssertReply("second: go on")
            .StartTestAsync();
    }

    [Fact]
    public async Task StepContext_ReportsIndexAndReason()
    {
        var seen = new List<string>();
        WaterfallStep record = async (s, ct) =>
        {
            seen.Add($"{s.Index}:{s.Reason}");
            return s.Index == 0 ? await s.NextAsync("skip", ct) : Dialog.EndOfTurn;
        };
        var harness = new DialogHarness(StorageKind.JsonRoundTrip, new WaterfallDialog("A", [record, record, record]));

        await harness.Flow().Send("hi").Send("more").StartTestAsync();

        Assert.Equal(["0:BeginCalled", "1:NextCalled", "2:ContinueCalled"], seen);
    }

    [Fact]
    public void Version_NamesIdAndStepCount()
    {
        Assert.Equal("Gift:2", new WaterfallDialog("Gift", [Steps.Say("a"), Steps.Say("b")]).GetVersion());
        Assert.Equal("Gift:3", new WaterfallDialog("Gift", [Steps.Say("a"), Steps.Say("b"), Steps.Say("c")]).GetVersion());
    }

    private static WaterfallDialog AskNameWaterfall() => new("AskName", [
        (s, ct) =>
        {
            var known = s.GetOptions<GiftOptions>()?.Recipient;
            return known is not null
                ? s.NextAsync(known, ct)
                : s.PromptAsync("name", new PromptOptions { Prompt = MessageFactory.Text("Who is it for?") }, ct);
        },
        async (s, ct) =>
        {
            await s.Context.SendActivityAsync($"hello {s.Result}", cancellationToken: ct);
            return await s.EndDialogAsync(s.Result, ct);
        },
    ]);

    public sealed class GiftOptions
    {
        public string? Recipient { get; set; }

        public List<string> Interests { get; set; } = [];
    }
}
