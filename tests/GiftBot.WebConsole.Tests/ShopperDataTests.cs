using GiftBot.Customers.Context;
using GiftBot.Storage;
using GiftBot.Testing.BotFramework;
using GiftBot.WebConsole.Privacy;
using GiftBot.WebConsole.Tests.Support;
using GiftBot.WebConsole.Transcripts;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.WebConsole.Tests;

/// <summary>One shopper's data exported and deleted across the stores, after a real conversation through /api/messages.</summary>
public sealed class ShopperDataTests : IAsyncLifetime
{
    private ConsoleHost _host = null!;
    private BotConnectorStandIn _connector = null!;

    public async Task InitializeAsync()
    {
        _host = await ConsoleHost.StartAsync();
        _connector = await BotConnectorStandIn.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Export_HoldsTheCardAndMessages_AndDelete_LeavesNothingThatNamesTheShopper()
    {
        using var client = _host.CreateClient();
        await client.PostActivityAsync(EmulatorActivities.Message(_connector.ServiceUrl, "conv-p", "a gift for my niece", "shopper-p", "webchat"));
        var data = _host.Services.GetRequiredService<ShopperData>();

        var export = await data.ExportAsync("webchat", "shopper-p", default);
        Assert.NotNull(export);
        Assert.Contains("a gift for my niece", export.ToJsonString());
        Assert.NotNull(export["contextCard"]);
        Assert.NotEmpty(export["funnelEvents"]!.AsArray());

        await data.DeleteAsync("webchat", "shopper-p", default);

        Assert.Null(await _host.Services.GetRequiredService<ICustomerContextStore>().GetAsync("webchat", "shopper-p", default));
        Assert.Empty(await _host.Services.GetRequiredService<IConversationTranscript>().ReadAsync("webchat", "shopper-p", 50, default));
        Assert.DoesNotContain(await _host.Services.GetRequiredService<IFunnelEventStore>().ListAsync(null, 1000, default), e => e.UserId == "shopper-p");
        Assert.Empty(await _host.Services.GetRequiredService<Microsoft.Bot.Builder.IStorage>().ReadAsync(["webchat/users/shopper-p", "webchat/conversations/conv-p"], default));
        Assert.Null(await data.ExportAsync("webchat", "shopper-p", default));
    }
}
