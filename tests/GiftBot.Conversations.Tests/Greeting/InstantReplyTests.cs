using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Greeting;
using GiftBot.Conversations.Tests.Automations;
using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.Greeting;

[Collection(ConversationCollection.Name)]
public sealed class InstantReplyTests(ConversationFixture fixture) : IDisposable
{
    private readonly AssistantWorld _world = new();

    [Fact]
    public async Task FirstMessageEver_GetsTheInstantReplyWithOpeningHours_BeforeTheAnswer()
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = bot.Chat();
        await chat.JoinAsync();

        var replies = await chat.SendAsync("nephew");

        Assert.Equal(bot.Say(InstantReply.TextKey), replies[0].Text);
        Assert.Equal(AskAgeForNephew, replies.Last().Text);
        Assert.Contains(AssistantHarness.Content.HoursText.WeeklySummary("en-US"), replies[0].Text);
    }

    [Fact]
    public async Task InstantReply_IsSentOncePerPerson_NotInTheirNextConversation()
    {
        var bot = new AssistantHarness(fixture, _world);
        var first = bot.Chat();
        await first.JoinAsync();
        Assert.Contains(bot.Say(InstantReply.TextKey), (await first.SendAsync("nephew")).Texts());
        Assert.DoesNotContain(bot.Say(InstantReply.TextKey), (await first.SendAsync("8")).Texts());

        var restarted = new AssistantHarness(fixture, _world);
        var second = restarted.Chat(conversationId: "convo-2");
        await second.JoinAsync();
        Assert.DoesNotContain(restarted.Say(InstantReply.TextKey), (await second.SendAsync("niece")).Texts());
    }

    [Fact]
    public async Task InstantReply_InTheShoppersLanguage()
    {
        var bot = new AssistantHarness(fixture, _world);
        var replies = await bot.Chat(locale: "fr-FR").SendAsync("nephew");
        Assert.Equal(bot.Say(InstantReply.TextKey, locale: "fr-FR"), replies[0].Text);
        Assert.StartsWith("Merci pour votre message", replies[0].Text);
    }

    [Fact]
    public async Task NoInstantReply_WhenSwitchedOff()
    {
        var bot = new AssistantHarness(fixture, _world, settings: new Dictionary<string, string?> { ["InstantReply:Enabled"] = "false" });
        var chat = bot.Chat();
        await chat.JoinAsync();
        var replies = await chat.SendAsync("nephew");
        Assert.Equal([AskAgeForNephew], replies.Texts());
        Assert.DoesNotContain(bot.Say(InstantReply.TextKey), replies.Texts());
    }

    private static string AskAgeForNephew => AssistantHarness.Text(GiftFinderText.AskAge, "recipient", "your nephew");

    public void Dispose() => _world.Dispose();
}
