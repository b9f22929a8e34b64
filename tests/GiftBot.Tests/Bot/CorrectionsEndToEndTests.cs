using GiftBot.Conversations.GiftFinder;
using GiftBot.Testing.BotFramework;
using GiftBot.Tests.Hosting;
using Microsoft.Bot.Schema;

namespace GiftBot.Tests.Bot;

/// <summary>
/// A correction after the ideas, through /api/messages of the real host with its configured currency rates: said back as
/// understood ("Got it: 10 years old."), a budget in dollars as the figure the conversion note gave.
/// </summary>
public sealed class CorrectionsEndToEndTests(UnderstandingHost host) : IClassFixture<UnderstandingHost>
{
    private const string Request = "my 8 year old nephew loves dinosaurs, under 40 euros";

    private EmulatorChat NewChat() => new(host.App.CreateClient(), host.Connector, "conv-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AnAgeCorrectedAfterTheIdeas_IsSaidBack()
    {
        var chat = NewChat();
        Assert.NotEmpty(await host.ShownAsync(await chat.SendAsync(Request)));

        var replies = await chat.SendAsync("actually he's 10");

        var age = host.Line(GiftFinderText.CorrectedAge, "age", host.Line(GiftFinderText.AgeYears, "age", "10"));
        Assert.Contains(host.Line(GiftFinderText.CorrectedTo, "changes", age), Said(replies));
        Assert.All(await host.ShownAsync(replies), p => Assert.InRange(10, p.MinAge, p.MaxAge));
    }

    [Fact]
    public async Task ABudgetInDollars_IsSaidBackAsTheConvertedFigure()
    {
        var chat = NewChat();
        Assert.NotEmpty(await host.ShownAsync(await chat.SendAsync(Request)));

        var replies = await chat.SendAsync("actually 30 dollars max");

        // appsettings.json: one USD is worth 0.86 in the shop's euros, so $30 is €25.80, as the conversion note says too.
        Assert.Contains(host.Text.Get(GiftFinderText.CurrencyConverted, "en-US", new Dictionary<string, string?> { ["original"] = "$30", ["amount"] = "€25.80" }), Said(replies));
        Assert.Contains(host.Line(GiftFinderText.CorrectedTo, "changes", host.Line(GiftFinderText.CorrectedBudget, "amount", "€25.80")), Said(replies));
        Assert.All(await host.ShownAsync(replies), p => Assert.True(p.Price <= 25.80m, $"{p.Id} at {p.Price} is over €25.80"));
    }

    private static IReadOnlyList<string?> Said(IEnumerable<Activity> replies) => [.. replies.Select(r => r.Text)];
}
