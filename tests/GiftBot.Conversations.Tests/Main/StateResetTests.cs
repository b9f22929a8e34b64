using GiftBot.Conversations.Text;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Main;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Storage;
using GiftBot.Storage.Sqlite;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.Tests.Main;

[Collection(ConversationCollection.Name)]
public sealed class StateResetTests(ConversationFixture fixture)
{
    private const string ConversationKey = "emulator/conversations/convo-1";

    private static async Task<string> FillBasketAsync(ChatSession chat)
    {
        var cards = (await chat.SendAsync("I need something for my 8 year old nephew, he loves space, max 60 euros")).Carousel().HeroCards();
        await chat.SendAsync($"ADD_TO_BASKET:{cards[0].ProductId()}");
        return cards[0].ProductId();
    }

    [Theory]
    [InlineData("""{ "DialogState": { "dialogStack": [ { "id": "DialogFromAnOlderVersion", "state": {} } ] } }""")]
    [InlineData("""{ "DialogState": { "dialogStack": [ { "id": "MainDialog", "state": { "dialogs": "not a stack" } } ] } }""")]
    [InlineData("""{ "GiftSearch": { "Interests": 42, "ShownProductIds": { "a": 1 } } }""")]
    public async Task ResetsUnreadableDialogState_WithAnApology_AndTheBasketSurvives(string corruptState)
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();
        var productId = await FillBasketAsync(chat);
        await bot.Storage.WriteAsync(new Dictionary<string, object> { [ConversationKey] = JObject.Parse(corruptState) });

        var replies = await chat.SendAsync("nephew");

        Assert.Equal(bot.Text(CommonText.StateReset), replies[0].Text);
        Assert.Equal(bot.Text(GiftFinderText.AskAge, "recipient", "your nephew"), replies.Last().Text); // the message is still answered
        var basket = await chat.SendAsync("VIEW_BASKET");
        Assert.EndsWith(productId, basket.Carousel().HeroCards().Single().Buttons[0].Value.ToString());
        Assert.Equal(bot.Text(GiftFinderText.AskAge, "recipient", "your nephew"), basket.Last().Text); // and the new search goes on
    }

    // The store that ships hands state back as text, read straight into the dialogs' types: the same states reset the same way.
    [Theory]
    [InlineData("""{ "DialogState": { "dialogStack": [ { "id": "DialogFromAnOlderVersion", "state": {} } ] } }""")]
    [InlineData("""{ "DialogState": { "dialogStack": [ { "id": "MainDialog", "state": { "dialogs": "not a stack" } } ] } }""")]
    [InlineData("""{ "GiftSearch": { "Interests": 42, "ShownProductIds": { "a": 1 } } }""")]
    [InlineData("""{ "DialogState": { "dialogStack": [ { "id": "MainDialog", "state": """)]
    public async Task ResetsUnreadableStoredState_WithOneApology_OnTheSqliteStore(string corruptState)
    {
        var path = fixture.NewDatabasePath("state");
        var bot = new BotHarness(fixture, storage: new SqliteStorage(new SqliteDatabase(path, synchronous: StorageSynchronousMode.Normal)));
        var chat = bot.Chat();
        var productId = await FillBasketAsync(chat);
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE state SET value = $value WHERE key = $key;";
            command.Parameters.AddWithValue("$value", corruptState);
            command.Parameters.AddWithValue("$key", ConversationKey);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var replies = await chat.SendAsync("nephew");

        Assert.Equal(bot.Text(CommonText.StateReset), replies[0].Text);
        Assert.Single(replies, reply => reply.Text == bot.Text(CommonText.StateReset));
        Assert.Equal(bot.Text(GiftFinderText.AskAge, "recipient", "your nephew"), replies.Last().Text);
        Assert.EndsWith(productId, (await chat.SendAsync("VIEW_BASKET")).Carousel().HeroCards().Single().Buttons[0].Value.ToString());
    }

    [Fact]
    public async Task StartsAfresh_WhenConversationStateCannotBeRead()
    {
        var storage = new FlakyStorage(new MemoryStorage());
        var bot = new BotHarness(fixture, storage: storage);
        var chat = bot.Chat();
        var productId = await FillBasketAsync(chat);

        storage.FailConversationReads = true;
        var replies = await chat.SendAsync("SHOW_MORE");
        storage.FailConversationReads = false;

        Assert.Equal(bot.Text(CommonText.StateReset), replies[0].Text);
        Assert.Equal(bot.Text(GiftFinderText.AskRecipient), replies.Last().Text); // nothing left to show more of: a new search
        Assert.EndsWith(productId, (await chat.SendAsync("VIEW_BASKET")).Carousel().HeroCards().Single().Buttons[0].Value.ToString());
    }

    [Fact]
    public async Task KeepsAnswering_WhenTheStoredBasketIsCorrupt_AndReplacesIt()
    {
        var storage = new FlakyStorage(new MemoryStorage()) { UserStateCorrupt = true };
        var bot = new BotHarness(fixture, storage: storage);
        var chat = bot.Chat();

        var replies = await chat.SendAsync("VIEW_BASKET");

        Assert.Equal([bot.InstantReply, bot.Text(GiftBot.Conversations.Basket.BasketText.Empty)], replies.Texts());
        Assert.False(storage.UserStateCorrupt); // the unreadable item was written over
        Assert.Equal(bot.Text(GiftFinderText.AskAge, "recipient", "your nephew"), (await chat.SendAsync("nephew")).Last().Text);
    }
}
