using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Text;
using GiftBot.Tests.Hosting;

namespace GiftBot.Tests.Bot;

/// <summary>A greeting with words after it is still a greeting, never a goodbye: through /api/messages of the real host.</summary>
public sealed class GreetingsEndToEndTests(UnderstandingHost host) : IClassFixture<UnderstandingHost>
{
    private EmulatorChat NewChat() => new(host.App.CreateClient(), host.Connector, "conv-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("hi after all that")]
    [InlineData("hello again after all this time")]
    [InlineData("hey, after all that waiting")]
    public async Task AGreetingWithMoreWords_IsNotTakenForGoodbye(string greeting)
    {
        Assert.False(host.Said(await NewChat().SendAsync(greeting), CommonText.Goodbye));

        var chat = NewChat();
        Assert.True(host.Said(await chat.SendAsync("a gift for my nephew"), GiftFinderText.AskAge));
        var replies = await chat.SendAsync(greeting);

        Assert.False(host.Said(replies, CommonText.Goodbye), string.Join(" | ", replies.Select(r => r.Text)));
    }
}
