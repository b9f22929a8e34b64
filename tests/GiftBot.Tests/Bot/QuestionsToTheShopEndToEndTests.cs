using GiftBot.Content;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Tests.Hosting;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace GiftBot.Tests.Bot;

/// <summary>
/// A question to the shop or about the assistant is answered, wherever it is asked, and is never taken for what the
/// recipient loves: through /api/messages of the real host with the sentence model on.
/// </summary>
public sealed class QuestionsToTheShopEndToEndTests(UnderstandingHost host) : IClassFixture<UnderstandingHost>
{
    // A shopper of their own per chat: inside opening hours a complaint passes its shopper to a person, and the bot then
    // stays silent for them, so a shared shopper made the other tests fail whenever they ran while the team was in.
    private EmulatorChat NewChat()
    {
        var id = Guid.NewGuid().ToString("N");
        return new(host.App.CreateClient(), host.Connector, "conv-" + id, "user-" + id);
    }

    private string Answer(string entry)
    {
        var content = host.App.Services.GetRequiredService<BotContent>();
        return content.Faq.Find(entry)?.Answer?.Resolve(content.Text, "en-US", content.DefaultLocale) ?? throw new InvalidOperationException($"No FAQ answer {entry}");
    }

    // The opening hours in an answer are filled in for the moment it is sent: its opening words say which answer it is.
    private bool IsAnswer(string? said, string entry) => said?.StartsWith(Answer(entry)[..40], StringComparison.Ordinal) == true;

    private static IEnumerable<string?> Said(IEnumerable<Activity> replies) =>
        replies.Select(r => r.Attachments?.Select(a => (a.Content as JObject)?.Value<string>("text")).FirstOrDefault(t => t is not null) ?? r.Text);

    [Theory]
    [InlineData("when are you open?", "stores-and-hours")]
    [InlineData("are you a bot?", "assistant")]
    public async Task AQuestionToTheShop_AtTheInterestQuestion_IsAnswered_AndTheQuestionAskedAgain(string question, string entry)
    {
        var chat = NewChat();
        Assert.True(host.Said(await chat.SendAsync("a gift for my 8 year old nephew"), GiftFinderText.AskInterests));

        var replies = await chat.SendAsync(question);

        Assert.Contains(Said(replies), said => IsAnswer(said, entry));
        Assert.True(host.Said(replies, GiftFinderText.AskInterests), string.Join(" | ", Said(replies)));
    }

    [Theory]
    [InlineData("when are you open?", "stores-and-hours")]
    [InlineData("are you a bot?", "assistant")]
    [InlineData("what's your name?", "assistant")]
    // About something already bought, with gift words in it: before, "Who is the gift for?" (found trying the bot).
    [InlineData("I want to return something I bought last week", "returns")]
    [InlineData("I got a present for my niece from you last week, can I swap it for something else?", "returns")]
    [InlineData("how do I return a gift I bought for my dad", "returns")]
    [InlineData("the telescope I ordered for my son hasn't come", "order-tracking")]
    [InlineData("my niece's dinosaur kit still isn't here, I ordered it on monday", "order-tracking")]
    [InlineData("the science set for my grandson hasn't arrived yet", "order-tracking")]
    [InlineData("still waiting for the lego I got my daughter", "order-tracking")]
    [InlineData("the music box I bought my mum never came", "order-tracking")]
    [InlineData("it's been 2 weeks and my nephew's space rocket isn't here", "order-tracking")]
    [InlineData("where is my order? it's a craft kit for my sister", "order-tracking")]
    public async Task AQuestionToTheShop_AsAFirstMessage_IsAnswered_AndTheInterestIsStillAskedLater(string question, string entry)
    {
        var chat = NewChat();
        var answer = Said(await chat.SendAsync(question)).ToList();
        Assert.True(answer.Any(said => IsAnswer(said, entry)), string.Join(" | ", answer));

        var replies = await chat.SendAsync("a gift for my 8 year old nephew");

        Assert.True(host.Said(replies, GiftFinderText.AskInterests), string.Join(" | ", Said(replies)));
    }

    [Fact]
    public async Task AskingTheAssistantsName_GetsThePersonasName()
    {
        var name = host.App.Services.GetRequiredService<BotContent>().Persona.Name;

        var replies = await NewChat().SendAsync("what's your name?");

        Assert.Contains(Said(replies), said => said is not null && said.Contains($"my name is {name}.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("I want to complain")]
    [InlineData("complaint about my order")]
    public async Task AComplaint_GoesToAPerson_NeverToTheCheckout(string complaint)
    {
        var replies = await NewChat().SendAsync(complaint);

        // Inside opening hours the conversation is passed on; outside them the shopper is told when the team is back.
        string Line(string key) => host.Text.Get(key, "en-US", new Dictionary<string, string?> { ["back_at"] = "\u0001" }).Split('\u0001')[0];
        Assert.Contains(Said(replies), said => said is not null
            && (said == Line("persona.handover") || said.StartsWith(Line("persona.away"), StringComparison.Ordinal) || said.StartsWith(Line("persona.awayHandover"), StringComparison.Ordinal)));
        Assert.False(host.Said(replies, "basket.checkoutEmpty"), string.Join(" | ", Said(replies)));
    }
}
