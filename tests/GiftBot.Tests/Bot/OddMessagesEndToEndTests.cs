using GiftBot.Conversations.GiftFinder;
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

        Assert.False(host.Said(replies, GiftFinderText.Corrected), string.Join(" | ", replies.Select(r => r.Text)));
        Assert.False(host.Said(replies, GiftFinderText.AskAge));
    }
}
