using System.Net;
using System.Text.Json.Nodes;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Testing.BotFramework;
using GiftBot.Tests.Hosting;
using Microsoft.Bot.Schema;

namespace GiftBot.Tests.Bot;

/// <summary>
/// What a new shopper sees when a message is not plain words (terminal escapes, control characters, emoji only),
/// through /api/messages of the real host: none of it is read as an answer or a change to the search.
/// </summary>
public sealed class OddMessagesEndToEndTests(UnderstandingHost host) : IClassFixture<UnderstandingHost>
{
    private EmulatorChat NewChat() => new(host.App.CreateClient(), host.Connector, "conv-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("\u001b[31m")]
    [InlineData("\u001b[1;31m\u0007")]
    [InlineData("🎁🎁🎁")]
    public async Task ATerminalEscapeOrEmoji_IsNotTakenAsTheAge(string odd)
    {
        var chat = NewChat();
        Assert.True(host.Said(await chat.SendAsync("a gift for my nephew"), GiftFinderText.AskAge));

        var replies = await chat.SendAsync(odd);

        Assert.False(host.Said(replies, GiftFinderText.AskInterests), string.Join(" | ", replies.Select(r => r.Text)));
        Assert.False(host.Said(replies, GiftFinderText.AgeAbsurd));
    }

    [Theory]
    [InlineData("\u001b[31m")]
    [InlineData("🎁🎁🎁")]
    [InlineData("👍")]
    [InlineData("\u0000\u0001\u0002")]
    public async Task AMessageWithNoWords_AfterTheIdeas_ChangesNothingInTheSearch(string odd)
    {
        var chat = NewChat();
        Assert.NotEmpty(await host.ShownAsync(await chat.SendAsync("my 8 year old nephew loves dinosaurs, 25")));

        var replies = await chat.SendAsync(odd);

        Assert.False(host.SaidACorrection(replies), string.Join(" | ", replies.Select(r => r.Text)));
        Assert.False(host.Said(replies, GiftFinderText.AskAge));
    }
    [Theory]
    [InlineData("a gift for my niece\u200B 7")]
    [InlineData("\u202Ea gift for my niece\u202C, 7")]
    public async Task InvisibleCharactersCopiedWithTheText_DoNotHideTheAge(string typed)
    {
        var chat = NewChat();

        var replies = await chat.SendAsync(typed);

        Assert.False(host.Said(replies, GiftFinderText.AskAge), string.Join(" | ", replies.Select(r => r.Text)));
        Assert.True(host.Said(replies, GiftFinderText.AskInterests), string.Join(" | ", replies.Select(r => r.Text)));
    }

    // An invoke is a call the channel waits on: an unknown one is refused as a client's request (4xx), not a 501.
    [Theory]
    [InlineData("composeExtension/query")]
    [InlineData("no-such-invoke")]
    public async Task AnInvokeTheBotDoesNotHandle_IsRefusedWith400_AndSendsTheShopperNothing(string name)
    {
        var conversation = "conv-" + Guid.NewGuid().ToString("N");
        var invoke = EmulatorActivities.Create(ActivityTypes.Invoke, host.Connector.ServiceUrl, conversation, "user-1", "emulator", a => a.Name = name);

        var response = await host.App.CreateClient().PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Connector.MessagesIn(conversation));
    }

    [Fact]
    public async Task BotFrameworksHealthCheckInvoke_IsAnswered()
    {
        var invoke = EmulatorActivities.Create(ActivityTypes.Invoke, host.Connector.ServiceUrl, "conv-" + Guid.NewGuid().ToString("N"), "user-1", "emulator", a => a.Name = "healthCheck");

        var response = await host.App.CreateClient().PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(JsonNode.Parse(await response.Content.ReadAsStringAsync())?["healthResults"]?["success"]?.GetValue<bool>());
    }
}
