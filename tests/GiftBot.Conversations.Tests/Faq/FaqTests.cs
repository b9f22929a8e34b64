using GiftBot.Conversations.Text;
using GiftBot.Content;
using GiftBot.Conversations.Faq;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Tests.Automations;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Language;
using GiftBot.Storage;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.Tests.Faq;

[Collection(ConversationCollection.Name)]
public sealed class FaqTests(ConversationFixture fixture) : IDisposable
{
    private const string DeliveryQuestion = "how long until my parcel gets here";
    private const string UnknownQuestion = "can I pay with seashells";
    private static readonly Dictionary<string, string?> NoInstantReply = new() { ["InstantReply:Enabled"] = "false" };
    private readonly AssistantWorld _world = new();

    private AssistantHarness Bot(FaqCatalog? faq = null)
    {
        var recognizer = new ScriptedRecognizer(fixture.Recognizer)
            .On(DeliveryQuestion, GiftIntents.Faq, new JObject { [GiftEntities.FaqTopic] = new JArray("shipping-times") })
            .On(UnknownQuestion, GiftIntents.Faq);
        return new AssistantHarness(fixture, _world, NoInstantReply, recognizer, faq: faq);
    }

    [Fact]
    public async Task TypedQuestion_IsAnsweredWithTheEntrysTextAndButtons()
    {
        var bot = Bot();
        var replies = await bot.Chat().SendAsync(DeliveryQuestion);

        var card = Assert.Single(Assert.Single(replies).HeroCards());
        Assert.Equal(Answer("shipping-times"), card.Text);
        Assert.Collection(card.Buttons,
            link => Assert.Equal((ActionTypes.OpenUrl, "Delivery options", "https://www.littlewonders.example/help/delivery"), (link.Type, link.Title, (string)link.Value)),
            postBack => Assert.Equal((ActionTypes.PostBack, "Find a gift", Payloads.StartOver), (postBack.Type, postBack.Title, (string)postBack.Value)));
        var answered = Assert.Single(_world.Funnel.OfKind(FunnelEventKinds.FaqAnswered));
        Assert.Equal("shipping-times", answered.Properties["topic"]);
    }

    [Theory]
    [InlineData("do you offer gift wrapping?", "gift-wrapping")]
    [InlineData("how much does shipping cost", "shipping-cost")]
    public async Task QuestionUnderstoodByTheEmbeddedRecognizer_IsAnswered_AlsoMidGiftFinder(string question, string topic)
    {
        var bot = new AssistantHarness(fixture, _world, NoInstantReply);
        var chat = bot.Chat();
        await chat.JoinAsync();
        await chat.SendAsync("nephew");

        var replies = await chat.SendAsync(question);

        Assert.Contains(Answer(topic), replies.Select(r => r.HeroCards().FirstOrDefault()?.Text ?? r.Text));
        Assert.Equal(AssistantHarness.Text(GiftFinderText.AskAge, "recipient", "your nephew"), replies.Last().Text);
    }

    [Fact]
    public async Task FaqButtonPayload_IsAnsweredDirectly_InTheShoppersLanguage()
    {
        var bot = Bot();
        var replies = await bot.Chat(locale: "fr-FR").SendAsync("FAQ:returns");

        var card = Assert.Single(Assert.Single(replies).HeroCards());
        Assert.Equal(Answer("returns", "fr-FR"), card.Text);
        Assert.StartsWith("Vous pouvez retourner", card.Text);
        Assert.Equal([("Faire un retour", ActionTypes.OpenUrl), ("Parler à quelqu'un", ActionTypes.PostBack)], card.Buttons.Select(b => (b.Title, b.Type)));
        Assert.Equal(Payloads.TalkToHuman, card.Buttons[1].Value);
    }

    [Fact]
    public async Task EntryWithAnImage_ShowsTheAnswer_ThenACardWithTheImageAndAtMostThreeButtons()
    {
        var entry = new FaqEntry("size-guide", LocalizedText.ForAllLocales("Which size should I pick?"), new Dictionary<string, IReadOnlyList<string>>(),
            TextRef.FromInline(LocalizedText.ForAllLocales("Our size guide is on {{website}}.")), "https://cdn.example/size-guide.png",
            [Link("Size guide", "https://www.littlewonders.example/sizes"), Link("Kids", "https://www.littlewonders.example/kids"),
             new FaqButton(TextRef.FromInline(LocalizedText.ForAllLocales("Find a gift")), null, Payloads.FindGift), Link("Fourth", "https://www.littlewonders.example/4")],
            []);
        var content = AssistantHarness.Content;
        var bot = Bot(new FaqCatalog([.. content.Faq.Entries, entry], content.DefaultLocale));

        var reply = Assert.Single(await bot.Chat().SendAsync("FAQ:size-guide"));

        Assert.Equal($"Our size guide is on {content.Page.Website}.", reply.Text);
        var card = Assert.Single(reply.HeroCards());
        Assert.Equal("Which size should I pick?", card.Title);
        Assert.Equal("https://cdn.example/size-guide.png", Assert.Single(card.Images).Url);
        Assert.Equal(["Size guide", "Kids", "Find a gift"], card.Buttons.Select(b => b.Title));
    }

    [Fact]
    public async Task QuestionInTheMiddleOfTheGiftFinder_IsAnswered_ThenThePendingQuestionIsAskedAgain()
    {
        var bot = Bot();
        var chat = bot.Chat();
        await chat.JoinAsync();
        await chat.SendAsync("nephew");

        var replies = await chat.SendAsync(DeliveryQuestion);

        Assert.Equal(Answer("shipping-times"), replies[0].HeroCards().Single().Text);
        Assert.Equal(AssistantHarness.Text(GiftFinderText.AskAge, "recipient", "your nephew"), replies.Last().Text);
        var next = await chat.SendAsync("8");
        Assert.Equal(AssistantHarness.Text(GiftFinderText.AskInterests, "recipient", "your nephew"), next.Last().Text);
    }

    [Fact]
    public async Task QuestionMatchingNoEntry_GetsNotUnderstood_NeverARandomAnswer()
    {
        var bot = Bot();
        var replies = await bot.Chat().SendAsync(UnknownQuestion);

        Assert.Equal([bot.Say(CommonText.NotUnderstood)], replies.Texts());
        Assert.Empty(replies.SelectMany(r => r.HeroCards()));
        Assert.Empty(_world.Funnel.OfKind(FunnelEventKinds.FaqAnswered));
        Assert.Single(_world.Funnel.OfKind(FunnelEventKinds.NotUnderstood));
    }

    [Fact]
    public async Task ButtonForAnEntryThatNoLongerExists_GetsNotUnderstood_AndTheGiftFinderGoesOn()
    {
        var bot = Bot();
        var chat = bot.Chat();
        await chat.JoinAsync();
        var replies = await chat.SendAsync("FAQ:discontinued-topic");
        Assert.Equal([bot.Say(CommonText.NotUnderstood), bot.Say(GiftFinderText.AskRecipient)], replies.Texts());
    }

    [Fact]
    public void Vocabulary_OffersEveryAnsweredEntry_WithItsPhrasingsInEveryLanguage()
    {
        var content = AssistantHarness.Content;
        var terms = new FaqVocabulary(content.Faq, content.Text).GetFaqTerms();

        Assert.Equal(content.Faq.Entries.Select(e => e.Id), terms.Select(t => t.TopicId));
        var shipping = terms.Single(t => t.TopicId == "shipping-times").Phrasings;
        Assert.Contains("How long does delivery take?", shipping);
        Assert.Contains("quand vais-je recevoir ma commande", shipping);
    }

    private static FaqButton Link(string title, string url) => new(TextRef.FromInline(LocalizedText.ForAllLocales(title)), url, null);

    private static string Answer(string id, string locale = "en-US")
    {
        var content = AssistantHarness.Content;
        return content.Faq.Find(id)!.Answer!.Resolve(content.Text, locale, content.DefaultLocale)!;
    }

    public void Dispose() => _world.Dispose();
}
