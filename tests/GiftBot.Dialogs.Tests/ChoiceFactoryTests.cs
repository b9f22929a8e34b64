using GiftBot.Dialogs.Choices;
using GiftBot.Dialogs.Prompts;
using GiftBot.Dialogs.Tests.Support;
using Microsoft.Bot.Schema;
using static GiftBot.Dialogs.Tests.Support.PromptHarness;

namespace GiftBot.Dialogs.Tests;

public class ChoiceFactoryTests
{
    [Fact]
    public async Task TestChannel_ShowsUpToThreeChoicesInline()
    {
        await Flow(new ChoicePrompt("pick"), Options("favorite color?", null, Colors(3)))
            .Send("hi").AssertReply("favorite color? (1) red, (2) green, or (3) blue")
            .StartTestAsync();
    }

    [Fact]
    public async Task TestChannel_ShowsMoreThanThreeChoicesAsNumberedList()
    {
        await Flow(new ChoicePrompt("pick"), Options("favorite color?", null, Colors(4)))
            .Send("hi").AssertReply("favorite color?\n\n   1. red\n\n   2. green\n\n   3. blue\n\n   4. yellow")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("emulator")]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("facebook")]
    public async Task ButtonChannels_GetSuggestedActions(string channel)
    {
        await Flow(new ChoicePrompt("pick"), Options("favorite color?", null, Colors(4)), channelId: channel)
            .Send("hi").AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.Equal("favorite color?", message.Text);
                Assert.Equal(InputHints.ExpectingInput, message.InputHint);
                Assert.Equal(["red", "green", "blue", "yellow"], message.SuggestedActions.Actions.Select(a => a.Title));
                Assert.All(message.SuggestedActions.Actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
                Assert.Equal(["red", "green", "blue", "yellow"], message.SuggestedActions.Actions.Select(a => (string)a.Value));
            })
            .StartTestAsync();
    }

    [Fact]
    public void Facebook_AllowsThirteenQuickReplies_ThenFallsBackToList()
    {
        var thirteen = ChoiceFactory.ForChannel("facebook", Numbered(13), "pick");
        var fourteen = ChoiceFactory.ForChannel("facebook", Numbered(14), "pick");

        Assert.Equal(13, thirteen.SuggestedActions.Actions.Count);
        Assert.Null(fourteen.SuggestedActions);
        Assert.Contains("14. option 14", fourteen.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Facebook_LongTitles_FallBackToList_WhereEmulatorKeepsButtons()
    {
        var choices = ChoiceFactory.ToChoices(["A remote-controlled rover kit", "Puzzles"]);

        var facebook = ChoiceFactory.ForChannel("facebook", choices, "pick");
        var emulator = ChoiceFactory.ForChannel("emulator", choices, "pick");

        Assert.Null(facebook.SuggestedActions);
        Assert.Equal("pick\n\n   1. A remote-controlled rover kit\n\n   2. Puzzles", facebook.Text);
        Assert.Equal(2, emulator.SuggestedActions.Actions.Count);
    }

    [Fact]
    public void TestChannel_LongTitles_AreListed()
    {
        var list = ChoiceFactory.ForChannel("test", ChoiceFactory.ToChoices(["A remote-controlled rover kit", "Puzzles"]), "pick");

        Assert.StartsWith("pick\n\n   1. A remote-controlled rover kit", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MsTeams_GetsHeroCardButtons()
    {
        var activity = ChoiceFactory.ForChannel("msteams", Colors(3), "pick");

        var card = Assert.IsType<HeroCard>(Assert.Single(activity.Attachments).Content);
        Assert.Equal("pick", card.Text);
        Assert.Equal(["red", "green", "blue"], card.Buttons.Select(b => b.Title));
    }

    [Theory]
    [InlineData(ListStyle.None, "pick")]
    [InlineData(ListStyle.Inline, "pick (1) red or (2) green")]
    [InlineData(ListStyle.List, "pick\n\n   1. red\n\n   2. green")]
    public async Task ExplicitStyle_OverridesChannelDefault(ListStyle style, string expected)
    {
        var options = Options("pick", null, Colors(2));
        options.Style = style;

        await Flow(new ChoicePrompt("pick"), options, channelId: "emulator")
            .Send("hi").AssertReply(reply =>
            {
                Assert.Equal(expected, reply.AsMessageActivity().Text);
                Assert.Null(reply.AsMessageActivity().SuggestedActions);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task HeroCardStyle_KeepsPromptTextAndAddsCard()
    {
        var options = Options("pick", null, Colors(2));
        options.Style = ListStyle.HeroCard;

        await Flow(new ChoicePrompt("pick"), options)
            .Send("hi").AssertReply(reply =>
            {
                var attachment = Assert.Single(reply.AsMessageActivity().Attachments);
                Assert.Equal(HeroCard.ContentType, attachment.ContentType);
            })
            .StartTestAsync();
    }

    [Fact]
    public void ChoiceAction_IsUsedAsTheButton()
    {
        var choice = new Choice("space") { Action = new CardAction(ActionTypes.PostBack, "🚀 Space", value: "INTEREST:space") };

        var activity = ChoiceFactory.ForChannel("facebook", [choice], "pick");

        var action = Assert.Single(activity.SuggestedActions.Actions);
        Assert.Equal((ActionTypes.PostBack, "🚀 Space", "INTEREST:space"), (action.Type, action.Title, (string)action.Value));
    }

    [Fact]
    public async Task InlineList_UsesTheActivityLanguage()
    {
        await Flow(new ChoicePrompt("pick"), Options("Farbe?", null, ChoiceFactory.ToChoices(["rot", "grün", "blau"])))
            .Send(Message("hallo", "de-de")).AssertReply("Farbe? (1) rot, (2) grün oder (3) blau")
            .StartTestAsync();
    }

    [Fact]
    public void AppendChoices_DoesNotChangeTheCallersPrompt()
    {
        var prompt = (Activity)Microsoft.Bot.Builder.MessageFactory.Text("pick");

        ChoiceFactory.AppendChoices(prompt, "test", Colors(2), ListStyle.Inline);

        Assert.Equal("pick", prompt.Text);
    }

    private static List<Choice> Colors(int count)
        => ChoiceFactory.ToChoices(new[] { "red", "green", "blue", "yellow" }.Take(count)).ToList();

    private static List<Choice> Numbered(int count)
        => ChoiceFactory.ToChoices(Enumerable.Range(1, count).Select(i => $"option {i}")).ToList();
}
