using GiftBot.Customers.Window;
using Microsoft.Extensions.Time.Testing;

namespace GiftBot.Customers.Tests.Window;

public class MessagingWindowPolicyTests
{
    private static readonly DateTimeOffset Now = new(2031, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly MessagingWindowPolicy _policy = new(new FakeTimeProvider(Now));

    [Fact]
    public void SendsAReplyAsResponse_InsideTheWindow()
    {
        var decision = _policy.Decide(Now.AddHours(-23), Now.AddHours(-23), OutboundKind.Reply, null);

        Assert.Equal(new OutboundDecision("RESPONSE", null), decision);
    }

    [Fact]
    public void SendsAFollowUpAsUpdate_InsideTheWindow()
    {
        var decision = _policy.Decide(Now.AddHours(-4), Now.AddHours(-4), OutboundKind.BotUpdate, null);

        Assert.Equal(new OutboundDecision("UPDATE", null), decision);
    }

    [Fact]
    public void RefusesAFollowUp_ExactlyTwentyFourHoursLater()
    {
        var refusal = Assert.Throws<MessagingWindowClosedException>(() => _policy.Decide(Now.AddHours(-24), Now.AddHours(-24), OutboundKind.BotUpdate, null));

        Assert.Equal(WindowClosedReason.StandardWindowExpired, refusal.Reason);
        Assert.Equal(Now.AddHours(-24), refusal.LastInteractionAt);
        Assert.Equal(OutboundKind.BotUpdate, refusal.Kind);
    }

    [Fact]
    public void RefusesEverything_ForSomeoneWhoNeverWrote()
    {
        var refusal = Assert.Throws<MessagingWindowClosedException>(() => _policy.Decide(null, null, OutboundKind.HumanAgent, null));

        Assert.Equal(WindowClosedReason.NoInteraction, refusal.Reason);
    }

    [Fact]
    public void SendsAnAgentsMessage_TaggedHumanAgent_AfterTheWindowWithinSevenDays()
    {
        var decision = _policy.Decide(Now.AddDays(-6.9), Now.AddDays(-6.9), OutboundKind.HumanAgent, null);

        Assert.Equal(new OutboundDecision("MESSAGE_TAG", "HUMAN_AGENT"), decision);
    }

    [Fact]
    public void RefusesAnAgentsMessage_SevenDaysAfterThePersonsLastMessage()
    {
        // A reaction yesterday does not extend HUMAN_AGENT: it counts from the person's last message.
        var refusal = Assert.Throws<MessagingWindowClosedException>(() => _policy.Decide(Now.AddDays(-1.5), Now.AddDays(-7), OutboundKind.HumanAgent, "HUMAN_AGENT"));

        Assert.Equal(WindowClosedReason.HumanAgentWindowExpired, refusal.Reason);
    }

    [Fact]
    public void SendsAnAgentsMessage_AsResponse_InsideTheWindow_UnlessTheTagIsAsked()
    {
        Assert.Equal(new OutboundDecision("RESPONSE", null), _policy.Decide(Now.AddHours(-1), Now.AddHours(-1), OutboundKind.HumanAgent, null));
        Assert.Equal(new OutboundDecision("MESSAGE_TAG", "HUMAN_AGENT"), _policy.Decide(Now.AddHours(-1), Now.AddHours(-1), OutboundKind.HumanAgent, "human_agent"));
    }

    [Theory]
    [InlineData("ACCOUNT_UPDATE")]
    [InlineData("CONFIRMED_EVENT_UPDATE")]
    [InlineData("post_purchase_update")]
    public void RefusesRetiredTags_EvenInsideTheWindow(string tag)
    {
        var refusal = Assert.Throws<RetiredMessageTagException>(() => _policy.Decide(Now.AddMinutes(-5), Now.AddMinutes(-5), OutboundKind.BotUpdate, tag));

        Assert.Equal(tag.ToUpperInvariant(), refusal.Tag);
    }

    [Fact]
    public void RefusesHumanAgentTag_OnAnAutomatedFollowUp()
    {
        Assert.Throws<MessageTagNotAllowedException>(() => _policy.Decide(Now.AddDays(-2), Now.AddDays(-2), OutboundKind.BotUpdate, "HUMAN_AGENT"));
    }

    [Fact]
    public void RefusesUnknownTags()
    {
        Assert.Throws<MessageTagNotAllowedException>(() => _policy.Decide(Now.AddMinutes(-5), Now.AddMinutes(-5), OutboundKind.HumanAgent, "CUSTOMER_FEEDBACK"));
    }

    [Fact]
    public void DescribesWhenTheWindowCloses_ForTheAgentCard()
    {
        var status = _policy.Describe(Now.AddHours(-20), Now.AddDays(-2));

        Assert.Equal(new MessagingWindowStatus(true, Now.AddHours(4), true, Now.AddDays(5)), status);
    }
}
