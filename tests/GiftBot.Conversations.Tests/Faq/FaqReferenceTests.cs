using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Handover;
using GiftBot.Conversations.Tests.Automations;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Customers.Context;
using GiftBot.Storage;

namespace GiftBot.Conversations.Tests.Faq;

/// <summary>
/// The order-tracking answer asks for the order number ("tell us your order number and our team will look into it"):
/// when the shopper gives it, in the question or as their next message, the team gets it instead of the same answer.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class FaqReferenceTests(ConversationFixture fixture) : IDisposable
{
    /// <summary>Tuesday 1 December 2026, 20:00 in Dublin: closed until Wednesday 9:00.</summary>
    private static readonly DateTimeOffset TuesdayEvening = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string?> NoInstantReply = new() { ["InstantReply:Enabled"] = "false" };
    private AssistantWorld _world = new();

    [Fact]
    public async Task OrderNumberInTheQuestion_InsideHours_IsNotedForTheTeam_AndTheConversationGoesToPeople()
    {
        var bot = new AssistantHarness(fixture, _world, NoInstantReply);
        var chat = bot.Chat("facebook");

        var replies = await chat.SendAsync("where is my order #48213? it was supposed to arrive monday");

        Assert.Equal([Noted("48213"), bot.Say(HumanHandover.HandoverKey)], replies.Texts());
        Assert.Empty(replies.SelectMany(r => r.HeroCards())); // not the answer that asks for the number again
        Assert.Equal(["convo-1"], _world.Handoff.Conversations);
        Assert.Equal(HandoverStatus.WaitingForAgent, (await bot.Handover.GetAsync("facebook", "user-1", default)).Status);
        var card = await bot.Customers.GetAsync("facebook", "user-1", default);
        var note = Assert.Single(card!.Notes);
        Assert.Equal("Order 48213: the shopper asked where it is.", note.Text);
        Assert.Contains("order problem", card.Tags);
        Assert.Equal("handed_over", Assert.Single(_world.Funnel.OfKind(FunnelEventKinds.HandoverRequested)).Properties["outcome"]);
    }

    [Theory]
    [InlineData("it's LW-220417", "LW-220417")]
    [InlineData("48213", "48213")]
    [InlineData("order no. #7730912, thanks", "7730912")]
    public async Task OrderNumberRightAfterTheAnswer_OutOfHours_WaitsForTheTeamWithTheNote(string message, string number)
    {
        ResetWorld(TuesdayEvening);
        var bot = new AssistantHarness(fixture, _world, NoInstantReply);
        var chat = bot.Chat("facebook");
        await chat.SendAsync("hi");
        var answer = await chat.SendAsync("my parcel hasn't arrived");
        Assert.Contains(answer.SelectMany(r => r.HeroCards()), c => c.Text.Contains("tell us your order number", StringComparison.Ordinal));

        var replies = await chat.SendAsync(message);

        Assert.Equal(Noted(number), replies[0].Text);
        Assert.Contains("tomorrow at 9:00", string.Join(" ", replies.Texts()));
        Assert.Equal(HandoverStatus.WaitingForAgent, (await bot.Handover.GetAsync("facebook", "user-1", default)).Status);
        Assert.Contains((await bot.Customers.GetAsync("facebook", "user-1", default))!.Notes, n => n.Text.Contains(number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OrderNumberWhileTheGiftFinderAsksTheBudget_IsTheOrder_NotABudget()
    {
        var bot = new AssistantHarness(fixture, _world, NoInstantReply);
        var chat = bot.Chat();
        await chat.SendAsync("a gift for my nephew, he's 8 and loves dinosaurs");
        var answer = await chat.SendAsync("my order is late");
        Assert.Equal(AssistantHarness.Text(GiftFinderText.AskBudget), answer.Last().Text);

        var replies = await chat.SendAsync("48213");

        Assert.Equal([Noted("48213"), bot.Say(HumanHandover.HandoverKey)], replies.Texts());
        Assert.Empty(replies.SelectMany(r => r.HeroCards()));
    }

    [Fact]
    public async Task OnlyTheNextMessage_IsReadAsTheNumber()
    {
        var bot = new AssistantHarness(fixture, _world, NoInstantReply);
        var chat = bot.Chat();
        await chat.SendAsync("my order is late");
        await chat.SendAsync("thanks");

        var later = await chat.SendAsync("48213");

        Assert.DoesNotContain(Noted("48213"), later.Texts());
        Assert.Empty(_world.Handoff.Conversations);
        Assert.Equal(HandoverStatus.BotOwns, (await bot.Handover.GetAsync("emulator", "user-1", default)).Status);
    }

    [Fact]
    public async Task AFrenchShopper_IsToldInFrench()
    {
        var bot = new AssistantHarness(fixture, _world, NoInstantReply);
        var chat = bot.Chat("facebook", locale: "fr-FR");

        var replies = await chat.SendAsync("où est ma commande 48213 ?");

        Assert.Equal(Noted("48213", "fr-FR"), replies[0].Text);
    }

    private static string Noted(string number, string locale = "en-US") =>
        AssistantHarness.Content.Faq.Find("order-tracking")!.Reference!.Noted.Get(locale, "en-US")!.Replace("{{reference}}", number);

    private void ResetWorld(DateTimeOffset now)
    {
        _world.Dispose();
        _world = new AssistantWorld(now);
    }

    public void Dispose() => _world.Dispose();
}
