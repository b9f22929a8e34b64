using GiftBot.Storage;
using GiftBot.Customers.Context;
using GiftBot.Customers.Tests.Support;
using GiftBot.Customers.Window;
using Microsoft.Extensions.Logging;
using static GiftBot.Customers.Tests.Support.Conversations;

namespace GiftBot.Customers.Tests.Window;

public class OutboundGuardTests
{
    [Fact]
    public async Task AllowsAFollowUpAsUpdate_AfterTheMiddlewareSawAMessageWithinTheDay()
    {
        using var services = new CustomerServices();
        await Adapter(services).ProcessActivityAsync(Message("lego for a 7 year old"), (_, _) => Task.CompletedTask, default);
        services.Clock.Advance(TimeSpan.FromHours(3));

        var decision = await services.Get<IOutboundGuard>().CheckAsync(Channel, User, OutboundKind.BotUpdate, null, default);

        Assert.Equal(new OutboundDecision(MessagingTypes.Update, null), decision);
    }

    [Fact]
    public async Task RefusesAFollowUpAfterTheWindow_AndLogsIdsButNoText()
    {
        using var services = new CustomerServices();
        await Adapter(services).ProcessActivityAsync(Message("lego for a 7 year old"), (_, _) => Task.CompletedTask, default);
        services.Clock.Advance(TimeSpan.FromHours(25));

        var refusal = await Assert.ThrowsAsync<MessagingWindowClosedException>(
            () => services.Get<IOutboundGuard>().CheckAsync(Channel, User, OutboundKind.BotUpdate, null, default));

        Assert.Equal(WindowClosedReason.StandardWindowExpired, refusal.Reason);
        var logged = Assert.Single(services.Logs.Lines, l => l.Level == LogLevel.Warning && l.Category.EndsWith(nameof(OutboundGuard), StringComparison.Ordinal));
        Assert.Equal((Channel, LoggedIds.Person(User), "StandardWindowExpired"), (logged.Values["ChannelId"], logged.Values["Person"], logged.Values["Reason"]));
        Assert.DoesNotContain(User, logged.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(services.Logs.Lines, l => l.AllText.Contains("lego", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AllowsAnAgentsMessage_WithHumanAgentTag_ThreeDaysLater()
    {
        using var services = new CustomerServices();
        await Adapter(services).ProcessActivityAsync(Message("where is my order?"), (_, _) => Task.CompletedTask, default);
        services.Clock.Advance(TimeSpan.FromDays(3));

        var decision = await services.Get<IOutboundGuard>().CheckAsync(Channel, User, OutboundKind.HumanAgent, null, default);

        Assert.Equal(new OutboundDecision(MessagingTypes.MessageTag, MessageTags.HumanAgent), decision);
    }

    [Fact]
    public async Task RefusesARetiredTag_AndLogsTheRefusal()
    {
        using var services = new CustomerServices();
        await Adapter(services).ProcessActivityAsync(Message("hi"), (_, _) => Task.CompletedTask, default);

        await Assert.ThrowsAsync<RetiredMessageTagException>(
            () => services.Get<IOutboundGuard>().CheckAsync(Channel, User, OutboundKind.BotUpdate, "POST_PURCHASE_UPDATE", default));

        Assert.Contains(services.Logs.Lines, l => l.Level == LogLevel.Warning && Equals(l.Values["Reason"], nameof(RetiredMessageTagException)));
    }

    [Fact]
    public async Task RefusesAnUnknownPerson()
    {
        using var services = new CustomerServices();

        await Assert.ThrowsAsync<MessagingWindowClosedException>(
            () => services.Get<IOutboundGuard>().CheckAsync(Channel, "never-wrote", OutboundKind.BotUpdate, null, default));
    }

    [Fact]
    public async Task AppliesNoWindow_OnChannelsWithoutOne()
    {
        using var services = new CustomerServices();
        await services.Store.UpdateAsync("emulator", "user-1", c => c.RecordInteraction(CustomerServices.Start.AddDays(-30), true), true, default);

        var decision = await services.Get<IOutboundGuard>().CheckAsync("emulator", "user-1", OutboundKind.BotUpdate, null, default);

        Assert.Equal(new OutboundDecision(MessagingTypes.Update, null), decision);
    }
}
