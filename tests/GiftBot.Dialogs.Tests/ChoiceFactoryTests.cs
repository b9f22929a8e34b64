using GiftBot.Dialogs.Choices;
using GiftBot.Dialogs.Prompts;
using Microsoft.Bot.Schema;
using static GiftBot.Dialogs.Tests.Support.PromptHarness;

namespace GiftBot.Dialogs.Tests;

/// <summary>
/// How a question's quick replies look on each channel (the gift finder's prompts are built with
/// <see cref="ChoiceFactory.ForChannel"/>), checked as the shopper receives them from a <see cref="TextPrompt"/>.
/// </summary>
public class ChoiceFactoryTests
{
    [Fact]
    public async Task TestChannel_ShowsUpToThreeChoicesInline()
    {
        await Ask("test", Colors(3))
            .Send("hi").AssertReply("favorite color? (1) red, (2) green, or (3) blue")
            .StartTestAsync();
    }

    [Fact]
    public void TwoChoicesInline_AreJoinedWithOr()
    {
        Assert.Equal("pick (1) red or (2) green", ChoiceFactory.ForChannel("test", Colors(2), "pick").Text);
    }

    [Fact]
    public async Task TestChannel_ShowsMoreThanThreeChoicesAsNumberedList()
    {
        await Ask("test", Colors(4))
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
        await Ask(channel, Colors(4))
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
        List<Choice> choices = [new("A remote-controlled rover kit"), new("Puzzles")];

        var facebook = ChoiceFactory.ForChannel("facebook", choices, "pick");
        var emulator = ChoiceFactory.ForChannel("emulator", choices, "pick");

        Assert.Null(facebook.SuggestedActions);
        Assert.Equal("pick\n\n   1. A remote-controlled rover kit\n\n   2. Puzzles", facebook.Text);
        Assert.Equal(2, emulator.SuggestedActions.Actions.Count);
    }

    [Fact]
    public void TestChannel_LongTitles_AreListed()
    {
        var list = ChoiceFactory.ForChannel("test", [new Choice("A remote-controlled rover kit"), new Choice("Puzzles")], "pick");

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

    [Fact]
    public void ChoiceAction_IsUsedAsTheButton()
    {
        var choice = new Choice("space") { Action = new CardAction(ActionTypes.PostBack, "🚀 Space", value: "INTEREST:space") };

        var activity = ChoiceFactory.ForChannel("facebook", [choice], "pick");

        var action = Assert.Single(activity.SuggestedActions.Actions);
        Assert.Equal((ActionTypes.PostBack, "🚀 Space", "INTEREST:space"), (action.Type, action.Title, (string)action.Value));
    }

    [Fact]
    public void NoChoices_IsJustTheText()
    {
        var activity = ChoiceFactory.ForChannel("facebook", [], "pick");

        Assert.Equal("pick", activity.Text);
        Assert.Null(activity.SuggestedActions);
        Assert.Empty(activity.Attachments ?? []);
    }

    // A text prompt asking a question rendered for the channel, as the gift finder asks.
    private static Microsoft.Bot.Builder.Adapters.TestFlow Ask(string channel, List<Choice> choices)
    {
        var question = (Activity)ChoiceFactory.ForChannel(channel, choices, "favorite color?");
        return Flow(new TextPrompt("pick"), new PromptOptions { Prompt = question }, channelId: channel);
    }

    private static List<Choice> Colors(int count)
        => new[] { "red", "green", "blue", "yellow" }.Take(count).Select(c => new Choice(c)).ToList();

    private static List<Choice> Numbered(int count)
        => Enumerable.Range(1, count).Select(i => new Choice($"option {i}")).ToList();
}
