using GiftBot.Conversations.Text;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Language;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.Tests.Automations;

/// <summary>Tags from content/tagging.json: "returns" and "order-tracking" answers tag "order problem", TalkToHuman tags "needs agent".</summary>
[Collection(ConversationCollection.Name)]
public sealed class TaggingTests(ConversationFixture fixture) : IDisposable
{
    private readonly AssistantWorld _world = new();

    [Fact]
    public async Task AnsweringAnFaqTopicWithARule_TagsTheCustomer()
    {
        var recognizer = new ScriptedRecognizer(fixture.Recognizer)
            .On("where is my parcel", GiftIntents.Faq, new JObject { [GiftEntities.FaqTopic] = new JArray("order-tracking") });
        var bot = new AssistantHarness(fixture, _world, recognizer: recognizer);
        var chat = bot.Chat();

        await chat.SendAsync("FAQ:shipping-cost");
        Assert.Empty(await TagsAsync(bot));

        await chat.SendAsync("where is my parcel");
        Assert.Equal(["order problem"], await TagsAsync(bot));
    }

    [Fact]
    public async Task AskingForAPerson_TagsTheCustomerAsNeedingAnAgent()
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = bot.Chat();
        await chat.JoinAsync();
        await chat.SendAsync("FAQ:returns");
        await chat.SendAsync(Payloads.TalkToHuman);
        Assert.Equal(["needs agent", "order problem"], await TagsAsync(bot));
    }

    [Fact]
    public async Task OrdinaryShopping_AddsNoTags()
    {
        var bot = new AssistantHarness(fixture, _world);
        var chat = bot.Chat();
        await chat.JoinAsync();
        await chat.SendAsync("nephew");
        await chat.SendAsync("8");
        Assert.Empty(await TagsAsync(bot));
    }

    private static async Task<IReadOnlyList<string>> TagsAsync(AssistantHarness bot) =>
        (await bot.Customers.GetAsync("emulator", "user-1", default))?.Tags ?? [];

    public void Dispose() => _world.Dispose();
}
