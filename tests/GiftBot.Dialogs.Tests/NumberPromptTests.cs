using GiftBot.Dialogs.Prompts;
using GiftBot.Dialogs.Tests.Support;
using static GiftBot.Dialogs.Tests.Support.PromptHarness;

namespace GiftBot.Dialogs.Tests;

public class NumberPromptTests
{
    public static TheoryData<StorageKind> Stores => StorageKinds.All;

    [Theory]
    [InlineData("7", "7")]
    [InlineData("seven", "7")]
    [InlineData("she is twenty five", "25")]
    [InlineData("1,000", "1000")]
    [InlineData("about 12 years old", "12")]
    public async Task ReadsIntegers_InDigitsAndWords(string answer, string expected)
    {
        await Flow(new NumberPrompt<int>("age"), Options("age?", "a number please"))
            .Send("hi").AssertReply("age?")
            .Send(answer).AssertReply($"result: {expected}")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("3.5")]
    [InlineData("99999999999")]
    [InlineData("no idea")]
    public async Task RefusesWhatDoesNotFitAnInt_WithRetryPrompt(string answer)
    {
        await Flow(new NumberPrompt<int>("age"), Options("age?", "a whole number please"))
            .Send("hi").AssertReply("age?")
            .Send(answer).AssertReply("a whole number please")
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task StickerInsteadOfNumber_GetsRetryPrompt(StorageKind store)
    {
        await Flow(new NumberPrompt<int>("age"), Options("age?", "a number please"), store)
            .Send("hi").AssertReply("age?")
            .Send(ImageOnly()).AssertReply("a number please")
            .Send("8").AssertReply("result: 8")
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ValidatorRefusesAbsurdAge_ThenAcceptsSensibleOne(StorageKind store)
    {
        var prompt = new NumberPrompt<int>("age", (ctx, ct) => Task.FromResult(ctx.Recognized.Succeeded && ctx.Recognized.Value is >= 0 and <= 120));

        await Flow(prompt, Options("age?", "between 0 and 120"), store)
            .Send("hi").AssertReply("age?")
            .Send("-3").AssertReply("between 0 and 120")
            .Send("250").AssertReply("between 0 and 120")
            .Send("8").AssertReply("result: 8")
            .StartTestAsync();
    }

    [Fact]
    public async Task ReadsDecimals_ForDecimalPrompt()
    {
        await Flow(new NumberPrompt<decimal>("budget"), Options("budget?"))
            .Send("hi").AssertReply("budget?")
            .Send("29.99").AssertReply("result: 29.99")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("de-de", "3,5", "3.5")]
    [InlineData("es-es", "veinte", "20")]
    [InlineData("xx-yy", "twelve", "12")]
    public async Task UsesActivityLocale_FallingBackToEnglish(string locale, string answer, string expected)
    {
        await Flow(new NumberPrompt<double>("n"), Options("n?"))
            .Send("hi").AssertReply("n?")
            .Send(Message(answer, locale)).AssertReply($"result: {expected}")
            .StartTestAsync();
    }

    [Fact]
    public void RefusesUnsupportedNumberTypes()
    {
        Assert.Throws<NotSupportedException>(() => new NumberPrompt<byte>("b"));
    }
}
