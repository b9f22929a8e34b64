using Microsoft.Extensions.Logging;
using GiftBot.Testing.BotFramework;
using GiftBot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Tests.Bot;

/// <summary>What the shipped host writes at its default levels for a shopper's turns: one line per turn, no message text.</summary>
public sealed class TurnLogTests
{
    [Fact]
    public async Task EachTurnWritesOneInformationLine_WithChannelTypeDurationAndOutcome_AndNoMessageText()
    {
        var log = new CapturedLog();
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = new GiftBotApp(configureServices: services => services.AddSingleton<ILoggerProvider>(log));
        var chat = new EmulatorChat(app.CreateClient(), connector, "conv-log");
        await chat.JoinAsync();
        var before = log.Entries.Count;

        var replies = await chat.SendAsync("a present for my secret-nephew-zebra");

        Assert.NotEmpty(replies);
        var turn = log.Entries.Skip(before).ToList();
        var information = turn.Where(e => e.Level >= LogLevel.Information).ToList();
        var line = Assert.Single(information);
        Assert.Equal("GiftBot.Conversations.Pipeline.TurnPipeline", line.Category);
        Assert.Equal(("emulator", "message", "answered"), ((string?)line.Values["ChannelId"], (string?)line.Values["ActivityType"], (string?)line.Values["Outcome"]));
        Assert.IsType<double>(line.Values["DurationMs"]);
        Assert.DoesNotContain(turn, e => e.Message.Contains("zebra", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ATurnThatTagsTheShopper_StillWritesOneInformationLine_AndNeverThePersonsId()
    {
        var log = new CapturedLog();
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = new GiftBotApp(configureServices: services => services.AddSingleton<ILoggerProvider>(log));
        const string personId = "person-id-okapi-77";
        var chat = new EmulatorChat(app.CreateClient(), connector, "conv-log-tag", personId);
        await chat.JoinAsync();
        var before = log.Entries.Count;

        await chat.SendAsync("I want to pay"); // tagged "ready to buy" by the bundled tagging rules

        var context = await app.Services.GetRequiredService<GiftBot.Customers.Context.ICustomerContextStore>().GetAsync("emulator", personId, CancellationToken.None);
        Assert.Contains("ready to buy", context!.Tags);
        var turn = log.Entries.Skip(before).ToList();
        Assert.Single(turn, e => e.Level >= LogLevel.Information);
        Assert.DoesNotContain(turn, e => e.Message.Contains(personId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFailedTurnIsOneErrorWithItsException_AndTheTurnLineSaysFailed()
    {
        var log = new CapturedLog();
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = new GiftBotApp(configureServices: services =>
        {
            services.AddSingleton<ILoggerProvider>(log);
            services.AddSingleton<GiftBot.Catalog.IProductCatalog>(sp => new FailingCatalog(sp.GetRequiredService<GiftBot.Catalog.SqliteProductCatalog>()));
        });
        var chat = new EmulatorChat(app.CreateClient(), connector, "conv-log-failed");

        var replies = await chat.SendAsync("a gift for my nephew, 8, loves space, under 40");

        Assert.Equal(app.Services.GetRequiredService<GiftBot.Content.IBotText>().Get("persona.error"), replies[^1].Text);
        var error = Assert.Single(log.Entries, e => e.Level >= LogLevel.Error);
        Assert.IsType<InvalidOperationException>(error.Exception);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Information && Equals(e.Values.GetValueOrDefault("Outcome"), "failed"));
    }

    [Fact]
    public async Task AnAbsurdNumberForTheAge_IsNotUnderstood_WithoutAWarningOrAnException()
    {
        var log = new CapturedLog();
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = new GiftBotApp(configureServices: services => services.AddSingleton<ILoggerProvider>(log));
        var chat = new EmulatorChat(app.CreateClient(), connector, "conv-log-absurd");
        await chat.SendAsync("a gift for my nephew");
        var before = log.Entries.Count;

        var replies = await chat.SendAsync("999999999999");

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(log.Entries.Skip(before), e => e.Level >= LogLevel.Warning || e.Exception is not null);
    }
}
