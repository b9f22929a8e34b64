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

    // The opening hours in an answer are filled in for the moment it is sent: its opening words say which answer it is,
    // up to its first token (the contact answer gives the phone number 36 letters in; tokens are left as "{{" here).
    private bool IsAnswer(string? said, string entry)
    {
        var content = host.App.Services.GetRequiredService<BotContent>();
        var unfilled = new[] { "phone", "website", "opening_hours", "page_name", "persona_name", "first_name", "back_at" }.ToDictionary(t => t, _ => (string?)"{{");
        var answer = content.Faq.AnswerFor(content.Faq.Find(entry)!, content.Text, "en-US", unfilled) ?? Answer(entry);
        var opening = answer.IndexOf("{{", StringComparison.Ordinal) is var token and >= 0 ? answer[..token] : answer;
        return said?.StartsWith(opening[..Math.Min(40, opening.Length)], StringComparison.Ordinal) == true;
    }

    private static IEnumerable<string?> Said(IEnumerable<Activity> replies) =>
        replies.Select(r => r.Attachments?.Select(a => (a.Content as JObject)?.Value<string>("text")).FirstOrDefault(t => t is not null) ?? r.Text);

    [Theory]
    [InlineData("when are you open?", "stores-and-hours")]
    [InlineData("are you a bot?", "assistant")]
    // Before: the home delivery times, inside the gift finder as well.
    [InlineData("how long to deliver to paris", "international-delivery")]
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

    // Before: the nearest entry's answer, confidently wrong (shipping cost, international delivery, order tracking).
    [Theory]
    [InlineData("do you price match?")]
    [InlineData("are your toys made in Ireland?")]
    [InlineData("how do I cancel my order?")]
    // About the shop itself, near no entry: before, the gift finder ("hiring" read as hiking) or "I didn't get that".
    [InlineData("are you hiring?")]
    [InlineData("any vacancies going?")]
    [InlineData("r u taking on staff for the summer")]
    // Discounts, sales and repairs: no entry answers them. Before, the gift cards ("discount"), the returns ("friday" read
    // as near "last week") and the guarantee ("broken").
    [InlineData("do you do a student discount?")]
    [InlineData("when's your black friday sale?")]
    [InlineData("can you repair a broken toy?")]
    [InlineData("do you do repairs on toys")]
    // The shop's app: before, the gift finder ("app" read as the tech theme).
    [InlineData("is there an app?")]
    [InlineData("do you have an iphone app")]
    // Before: the delivery costs ("change" corrected to "charge") or the shops' address; the order tracking for a CV ("send"
    // is another entry's word, none of order tracking's); the shops for parking and for a party at the shop.
    [InlineData("can I change the delivery address on my order?")]
    [InlineData("where should I send my CV?")]
    [InlineData("is there parking near your Cork shop?")]
    [InlineData("can we book a birthday party in your shop?")]
    // Where the toys are made, and selling one's own toys through the shop: no entry answers them. Before, the guarantee
    // ("toys") and the returns entry (found trying the bot: shop-questions dev sq337, sq367, sq423, sq425).
    [InlineData("are the toys made in china")]
    [InlineData("where r ur toys made")]
    [InlineData("can i sell my handmade toys through your shop")]
    [InlineData("can i sell my toys on your website")]
    public async Task AQuestionNoFaqEntryCovers_IsToldTheBotDoesNotKnow_WithAPersonOffered_AndNoEntrysAnswer(string question)
    {
        var replies = await NewChat().SendAsync(question);

        var said = Said(replies).ToList();
        var content = host.App.Services.GetRequiredService<BotContent>();
        Assert.DoesNotContain(content.Faq.Entries, entry => said.Any(s => IsAnswer(s, entry.Id)));
        var unanswered = replies.Single(r => r.Text is { } text && (text == host.Line("persona.faqUnanswered")
            || text.StartsWith(host.Line("persona.faqSuggestion", "question", "\u0001").Split('\u0001')[0], StringComparison.Ordinal)));
        Assert.Contains(unanswered.SuggestedActions.Actions, a => a.Value as string == "TALK_TO_HUMAN");
    }

    // An entry covers what its answer says, not only what its phrasings ask: the shops' answer names Cork and Galway, the
    // gift-card answer says what to do when a code doesn't work. Before, these got "I don't know" with a suggestion.
    [Theory]
    [InlineData("do you have a store in Galway?", "stores-and-hours")]
    [InlineData("the discount code I was given doesn't work", "gift-cards")]
    // Before: the order-tracking answer ("parcel") and delivery times offered ("how long"); the answers say both.
    [InlineData("send a parcel to canada", "international-delivery")]
    [InlineData("how long does a refund take", "returns")]
    public async Task AQuestionTheEntrysAnswerCovers_IsAnswered(string question, string entry)
    {
        var said = Said(await NewChat().SendAsync(question)).ToList();

        Assert.True(said.Any(s => IsAnswer(s, entry)), string.Join(" | ", said));
    }

    // Shoppers' own words for what an entry answers (phrasings in content/faq.json, towns and "giftwrap" in the lexicon's
    // faqWordGroups). Before: "I didn't quite get that" or "I don't know", no answer.
    [Theory]
    [InlineData("what's the postage to Limerick?", "shipping-cost")]
    [InlineData("giftwrap??", "gift-wrapping")]
    [InlineData("what's the delivery fee", "shipping-cost")]
    // A city abroad is international delivery, not the home delivery times; a place of two words is one place. Before: the
    // delivery times for Paris and Berlin, "I don't know" for New York.
    [InlineData("how long to deliver to Paris", "international-delivery")]
    [InlineData("how long to deliver to Berlin?", "international-delivery")]
    [InlineData("do you ship to new york?", "international-delivery")]
    // A shop's address: before, "I don't know" (no English phrasing asked for an address).
    [InlineData("what's the address of your Grafton Street shop", "stores-and-hours")]
    [InlineData("directions to your Cork store?", "stores-and-hours")]
    // Something ordered that came broken is the broken-toy entry: before, the returns entry was offered as the closest.
    [InlineData("the puzzle I ordered came broken", "warranty")]
    // A phone number is how to contact the team: before, the shops' addresses and hours.
    [InlineData("what's your phone number?", "contact")]
    // Texting: "wat"/"wot" are "what", "shut" is "close". Before: "I don't know" with the shops offered as the closest.
    [InlineData("wat time u close", "stores-and-hours")]
    [InlineData("wot time do u shut on saturday", "stores-and-hours")]
    // How many days to a city abroad, or customs with it, is international delivery. Before: the home delivery times, the
    // delivery costs (found trying the bot: shop-questions dev sq406, sq408).
    [InlineData("delivery to amsterdam how many days", "international-delivery")]
    [InlineData("do you ship to germany and do you charge customs", "international-delivery")]
    public async Task AShopQuestionInTheShoppersOwnWords_IsAnsweredByItsEntry(string question, string entry)
    {
        var said = Said(await NewChat().SendAsync(question)).ToList();

        Assert.True(said.Any(s => IsAnswer(s, entry)), string.Join(" | ", said));
    }

    // "do you price match?" shares "price" with the delivery costs: that entry is offered as a button, never asserted.
    [Fact]
    public async Task AQuestionTheNearestEntryOnlyPartlyCovers_OffersThatEntry_AsAButton()
    {
        var replies = await NewChat().SendAsync("do you price match?");

        var unanswered = Assert.Single(replies, r => r.Text is { } text
            && text.StartsWith(host.Line("persona.faqSuggestion", "question", "\u0001").Split('\u0001')[0], StringComparison.Ordinal));
        Assert.Contains("How much does delivery cost?", unanswered.Text, StringComparison.Ordinal);
        Assert.Contains(unanswered.SuggestedActions.Actions, a => a.Value as string == "FAQ:shipping-cost");
    }

    [Fact]
    public async Task AFrenchQuestionNoEntryCovers_IsToldInFrench_AndAFrenchFaqQuestionStillFindsItsEntry()
    {
        var conversation = "conv-" + Guid.NewGuid().ToString("N");
        var client = host.App.CreateClient();
        async Task<List<Activity>> SendAsync(string text)
        {
            var activity = GiftBot.Testing.BotFramework.EmulatorActivities.Message(host.Connector.ServiceUrl, conversation, text, userId: "shopper-" + conversation);
            activity.Locale = "fr-FR";
            var before = host.Connector.MessagesIn(conversation).Count;
            await GiftBot.Testing.BotFramework.EmulatorActivities.PostActivityAsync(client, activity);
            return host.Connector.MessagesIn(conversation).Skip(before).ToList();
        }
        var content = host.App.Services.GetRequiredService<BotContent>();

        var unanswered = await SendAsync("comment annuler ma commande ?");
        var known = await SendAsync("je voudrais supprimer toutes mes données");
        // "fermez" is "close": before, "I don't know" with the privacy entry offered.
        var closing = await SendAsync("vous fermez à quelle heure ?");

        var frenchDontKnow = host.Text.Get("persona.faqSuggestion", "fr-FR", new Dictionary<string, string?> { ["question"] = "\u0001" }).Split('\u0001')[0];
        Assert.Contains(unanswered, r => r.Text is { } t && (t == host.Text.Get("persona.faqUnanswered", "fr-FR") || t.StartsWith(frenchDontKnow, StringComparison.Ordinal)));
        var privacy = content.Faq.Find("privacy")!.Answer!.Resolve(content.Text, "fr-FR", content.DefaultLocale)!;
        Assert.Contains(Said(known), s => s?.StartsWith(privacy[..40], StringComparison.Ordinal) == true);
        var shops = content.Faq.Find("stores-and-hours")!.Answer!.Resolve(content.Text, "fr-FR", content.DefaultLocale)!;
        Assert.Contains(Said(closing), s => s?.StartsWith(shops[..40], StringComparison.Ordinal) == true);
    }

    // Before: "2 products match "loyalty card"" and two card games, found by "card" alone.
    [Theory]
    [InlineData("do you have a loyalty card?")]
    [InlineData("the price dropped the day after I bought it, can I get the difference back")]
    public async Task AQuestionAboutTheShop_IsNeverAnsweredWithProducts(string question)
    {
        var replies = await NewChat().SendAsync(question);

        Assert.DoesNotContain(replies, r => r.AttachmentLayout == AttachmentLayoutTypes.Carousel);
        Assert.False(host.Said(replies, "productQuestions.several"), string.Join(" | ", Said(replies)));
        Assert.Contains(replies, r => r.SuggestedActions?.Actions?.Any(a => a.Value as string == "TALK_TO_HUMAN") == true);
    }
}
