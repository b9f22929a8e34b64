using GiftBot.Conversations.Basket;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Conversations.Text;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Tests.Faq;

/// <summary>A shopper asking what the shop keeps or to be forgotten gets the privacy answer and a way to the team, never their basket.</summary>
[Collection(ConversationCollection.Name)]
public sealed class PrivacyQuestionTests(ConversationFixture fixture)
{
    private static readonly Dictionary<string, string?> NoInstantReply = new() { ["InstantReply:Enabled"] = "false" };

    private string Answer(string locale) =>
        fixture.Content.Faq.Find("privacy")!.Answer!.Resolve(fixture.Content.Text, locale, fixture.Content.DefaultLocale)!;

    [Theory]
    [InlineData("delete my data", "en-US", "Ask the team")]
    [InlineData("what do you do with my info", "en-US", "Ask the team")]
    [InlineData("can you forget me", "en-US", "Ask the team")]
    [InlineData("supprimez mes données s'il vous plaît", "fr-FR", "Demander à l'équipe")]
    [InlineData("please remove all my personal data", "en-US", "Ask the team")]
    [InlineData("I'd like to see what info you have on me", "en-US", "Ask the team")]
    [InlineData("who can see my messages", "en-US", "Ask the team")]
    public async Task PrivacyQuestion_GetsThePrivacyAnswer_WithAButtonToTheTeam(string question, string locale, string buttonTitle)
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        var activity = chat.Adapter.MakeActivity(question);
        activity.Locale = locale;

        var replies = await chat.SendAsync(activity);

        var card = Assert.Single(Assert.Single(replies).HeroCards());
        Assert.Equal(Answer(locale), card.Text);
        var button = Assert.Single(card.Buttons);
        Assert.Equal((ActionTypes.PostBack, buttonTitle, Payloads.TalkToHuman), (button.Type, button.Title, (string)button.Value));
        Assert.DoesNotContain(bot.Text(BasketText.Empty), replies.Texts());
    }

    [Fact]
    public async Task RemovingAllPersonalData_WithThingsInTheBasket_GetsThePrivacyAnswer_AndTheBasketIsNotOfferedToBeEmptied()
    {
        var bot = new BotHarness(fixture, settings: NoInstantReply);
        var chat = bot.Chat();
        await chat.SendAsync(Payloads.With(Payloads.AddToBasket, "GB-1045"));

        var replies = await chat.SendAsync("please remove all my personal data");

        Assert.Equal(Answer("en-US"), Assert.Single(Assert.Single(replies).HeroCards()).Text);
        Assert.DoesNotContain(replies, r => r.QuickReplyValues().Contains(Payloads.EmptyBasket));
    }
}
