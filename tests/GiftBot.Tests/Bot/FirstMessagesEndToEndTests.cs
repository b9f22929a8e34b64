using GiftBot.Content;
using GiftBot.Conversations.Away;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Greeting;
using GiftBot.Conversations.Text;
using GiftBot.Testing.BotFramework;
using GiftBot.Tests.Hosting;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GiftBot.Tests.Bot;

/// <summary>A shopper's first messages through the real host, at a chosen time of the shop's week (content/hours.json, Europe/Dublin).</summary>
public sealed class FirstMessagesEndToEndTests
{
    private static readonly DateTimeOffset OpenTuesday = new(2026, 12, 1, 11, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ClosedSunday = new(2026, 12, 6, 11, 0, 0, TimeSpan.Zero);

    private static GiftBotApp BotAt(DateTimeOffset now, IDictionary<string, string?>? settings = null) =>
        new(settings, services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(now)));

    private static IReadOnlyDictionary<string, string?> PageTokens(GiftBotApp app) => app.Services.GetRequiredService<BotTokens>().ForPage("en-US");

    [Fact]
    public async Task AFirstHi_IsWelcomedOnce_ByAPersonaThatNamesTheShop()
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = BotAt(OpenTuesday);
        var text = app.Services.GetRequiredService<IBotText>();
        var page = app.Services.GetRequiredService<PageInfo>();
        var chat = new EmulatorChat(app.CreateClient(), connector, "conv-first-hi");

        var replies = await chat.SendAsync("hi");

        Assert.Equal(3, replies.Count);
        Assert.Contains(page.PageName("en-US"), replies[0].Text);
        Assert.Equal(text.Get(InstantReply.AfterWelcomeTextKey, "en-US", PageTokens(app)), replies[1].Text);
        Assert.Equal(text.Get(GiftFinderText.AskRecipient), replies[2].Text);
        Assert.Single(replies, r => r.Text.Contains("Pip", StringComparison.Ordinal));
        Assert.NotEmpty(replies[2].SuggestedActions.Actions);
    }

    [Fact]
    public async Task AFirstHi_OutOfHours_IsGreetedFirst_ThenToldTheTeamIsAway_WithItsButton()
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = BotAt(ClosedSunday);
        var text = app.Services.GetRequiredService<IBotText>();
        var chat = new EmulatorChat(app.CreateClient(), connector, "conv-first-hi-away");

        var replies = await chat.SendAsync("hello");

        Assert.Equal(3, replies.Count);
        Assert.StartsWith(text.Get(CommonText.Welcome, "en-US", PageTokens(app))[..20], replies[0].Text);
        Assert.StartsWith(text.Get(AwayNotices.AwayKey, "en-US", PageTokens(app)).Split('{')[0][..25], replies[1].Text);
        Assert.Contains(replies[1].SuggestedActions.Actions, a => a.Title == text.Get(CommonText.FindGift));
        Assert.Equal(text.Get(GiftFinderText.AskRecipient), replies[2].Text);
        Assert.Contains(replies[2].SuggestedActions.Actions, a => (a.Value as string) == "nephew");
    }

    [Fact]
    public async Task AGiftForMyself_IsReAskedAboutMe_NotAboutThem()
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = BotAt(OpenTuesday);
        var text = app.Services.GetRequiredService<IBotText>();
        var chat = new EmulatorChat(app.CreateClient(), connector, "conv-myself");
        await chat.JoinAsync();

        // A gift for oneself is a gift for an adult: no age question (it would not change the answer), straight to "you".
        Assert.Equal(text.Get(GiftFinderText.AskInterestsSelf), (await chat.SendAsync("myself"))[^1].Text);
        Assert.Equal(text.Get(GiftFinderText.RetryInterestsSelf), (await chat.SendAsync("zxqv blorp"))[^1].Text);
    }

    [Fact]
    public async Task NotUnderstood_NeverSaysTheSameWordsTwiceInARow()
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = BotAt(OpenTuesday);
        var variants = app.Services.GetRequiredService<IBotText>().GetVariants(CommonText.NotUnderstood, "en-US", PageTokens(app));
        var chat = new EmulatorChat(app.CreateClient(), connector, "conv-puzzled");
        await chat.JoinAsync();
        await chat.SendAsync("cancel");

        var said = new List<string>();
        foreach (var nonsense in new[] { "zxqv blorp", "wibble frob", "qqq zzz" })
            said.Add((await chat.SendAsync(nonsense))[^1].Text);

        Assert.All(said, line => Assert.Contains(line, variants));
        Assert.All(said.Zip(said.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public async Task OpeningHours_OnAClosedFriday_SayClosedToday_AndAnAllDayOpeningReadsSo()
    {
        // The shipped content with two changes a shop makes: a Friday holiday and a Saturday open around the clock.
        var content = Path.Combine(Path.GetTempPath(), "giftbot-tests", "content-" + Guid.NewGuid().ToString("N"));
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "content"), content);
        var hoursFile = Path.Combine(content, "hours.json");
        File.WriteAllText(hoursFile, File.ReadAllText(hoursFile)
            .Replace("\"saturday\": [\"10:00-16:00\"]", "\"saturday\": [\"00:00-24:00\"]")
            .Replace("\"exceptions\": [", "\"exceptions\": [\n    { \"date\": \"2026-12-04\", \"closed\": true, \"name\": \"Stocktaking\" },"));
        try
        {
            await using var connector = await BotConnectorStandIn.StartAsync();
            await using var app = BotAt(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero), new Dictionary<string, string?> { ["Content:RootPath"] = content });
            var text = app.Services.GetRequiredService<IBotText>();
            var chat = new EmulatorChat(app.CreateClient(), connector, "conv-hours");
            await chat.JoinAsync();
            await chat.SendAsync("cancel");

            var reply = (await chat.SendAsync("How can I contact you?"))[^1];
            // Short answers with buttons come as a card's text.
            var answer = reply.Text ?? ((Newtonsoft.Json.Linq.JObject)reply.Attachments[0].Content).ToObject<HeroCard>()!.Text;

            var closedToday = text.Get("hours.summary.closedToday", "en-US", new Dictionary<string, string?> { ["week"] = "" }).TrimEnd();
            Assert.Contains(closedToday, answer);
            Assert.Contains("Sat " + text.Get("hours.summary.allDay"), answer);
            Assert.DoesNotContain("0:00–0:00", answer);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
