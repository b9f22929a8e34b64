using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Conversations.Text;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>
/// A shopper whose channel says fr-FR (Web Chat, the Emulator, or Messenger's profile locale) reads the whole gift finder
/// in French: the questions, their quick replies, the carousel's cards and buttons, and the yes/no words they type.
/// The texts are written out as the shopper reads them, so a missing fr-FR line (shown in English) fails here.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class FrenchShopperTests(ConversationFixture fixture)
{
    private static readonly Dictionary<string, string?> NoInstantReply = new() { ["InstantReply:Enabled"] = "false" };

    private static Task<IReadOnlyList<Activity>> SayAsync(ChatSession chat, string text)
    {
        var activity = chat.Adapter.MakeActivity(text);
        activity.Locale = "fr-FR";
        return chat.SendAsync(activity);
    }

    private static Task<IReadOnlyList<Activity>> JoinAsync(ChatSession chat)
    {
        var activity = chat.Adapter.MakeActivity();
        activity.Type = ActivityTypes.ConversationUpdate;
        activity.Text = null;
        activity.Locale = "fr-FR";
        activity.MembersAdded = [activity.From, activity.Recipient];
        return chat.SendAsync(activity);
    }

    private static IReadOnlyList<string> Titles(Activity reply) => reply.QuickReplies().Select(a => a.Title).ToList();

    [Fact]
    public async Task FrenchShopper_IsAskedEveryQuestionInFrench_AndGetsAFrenchCarousel_WithPricesWrittenTheFrenchWay()
    {
        var bot = new BotHarness(fixture);
        var chat = bot.Chat();

        var welcome = await JoinAsync(chat);
        Assert.StartsWith("Bonjour", welcome[0].Text);
        Assert.Equal("Pour qui est le cadeau ?", welcome.Last().Text);
        Assert.Contains(welcome.Last().QuickReplies(), a => a.Title == "Mon neveu" && (string)a.Value == "nephew");
        Assert.Contains("Moi-même", Titles(welcome.Last()));

        // The quick reply sends its value ("nephew"), whatever its title says.
        var age = await SayAsync(chat, "nephew");
        Assert.Equal("Quel âge a votre neveu ?", age.Last().Text);
        Assert.Equal(["Aucune idée"], Titles(age.Last()));

        var interests = await SayAsync(chat, "8");
        Assert.StartsWith("Qu'est-ce que votre neveu aime ?", interests.Last().Text);
        Assert.Equal("Surprise !", Titles(interests.Last())[^1]);

        var budget = await SayAsync(chat, "Space");
        Assert.Equal("Quel est votre budget ?", budget.Last().Text);
        var budgetTitles = Titles(budget.Last());
        // French writes the amount before the sign, with a (no-break) space: "Moins de 50 €".
        Assert.Contains(budgetTitles, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^Moins de 50\s€$"));
        Assert.Equal("Sans limite", budgetTitles[^1]);

        // A budget quick reply sends its own title back as the answer: it must read as that budget.
        var recommendations = await SayAsync(chat, budgetTitles.First(t => t.Contains("50", StringComparison.Ordinal)));
        Assert.Contains("Voici quelques idées pour votre neveu :", recommendations.Texts());
        var cards = recommendations.Carousel().HeroCards();
        Assert.InRange(cards.Count, 3, 5);
        foreach (var card in cards)
        {
            Assert.Matches(@"^\d+,\d\d\s€$", card.Subtitle);
            Assert.Contains(new[] { "Pour les passionnés : space", "Adapté à l'âge : 8 ans", "Dans votre budget de 50" },
                reason => card.Text.StartsWith(reason, StringComparison.Ordinal));
            Assert.Equal(["Voir", "Ajouter au panier", "Plus comme celui-ci"], card.Buttons.Select(b => b.Title));
        }
        var followUp = recommendations.Last();
        Assert.StartsWith("Une idée vous plaît ?", followUp.Text);
        Assert.Equal(["Voir plus", "Moins cher", "Autres passions", "Recommencer"], Titles(followUp));
    }

    [Fact]
    public async Task FrenchShopper_TappingTheFrenchAnswers_NoIdeaSurpriseAndNoLimit_GetsACarousel()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        await JoinAsync(chat);
        await SayAsync(chat, "nephew");

        // These quick replies send their French titles back as the shopper's answer.
        var interests = await SayAsync(chat, "Aucune idée");
        Assert.StartsWith("Qu'est-ce que votre neveu aime ?", interests.Last().Text);
        var budget = await SayAsync(chat, "Surprise !");
        Assert.Equal("Quel est votre budget ?", budget.Last().Text);
        var recommendations = await SayAsync(chat, "Sans limite");

        Assert.Contains("Voici quelques idées pour votre neveu :", recommendations.Texts());
        Assert.InRange(recommendations.Carousel().HeroCards().Count, 3, 5);
    }

    [Fact]
    public async Task FrenchShopper_SayingBonjour_GetsAFrenchGreeting_AndOuaisStartsTheGiftFinder()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        await JoinAsync(chat);

        await SayAsync(chat, "cancel");
        var greeting = await SayAsync(chat, "bonjour");
        Assert.Contains(greeting.Last().Text, new[] { "Bonjour ! On cherche un cadeau ensemble ?", "Bonjour ! Vous cherchez un cadeau ? Je peux vous aider." });
        Assert.Equal(["Trouver un cadeau"], Titles(greeting.Last()));

        var question = await SayAsync(chat, "ouais");
        Assert.Equal("Pour qui est le cadeau ?", question.Last().Text);
    }

    [Fact]
    public async Task FrenchShopper_AskingForHelp_IsToldWhatTheBotDoes_InFrench()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();

        var help = await SayAsync(chat, Payloads.Help);

        Assert.StartsWith("Je suis ", help.Last().Text);
        Assert.Contains("un assistant virtuel. Je peux trouver un cadeau en quelques questions", help.Last().Text);
        Assert.Contains("Trouver un cadeau", Titles(help.Last()));
    }
}
