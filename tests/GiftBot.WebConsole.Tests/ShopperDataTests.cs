using GiftBot.Conversations.ClickTracking;
using GiftBot.Conversations.EntryPoints;
using GiftBot.Conversations.FollowUps;
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

    // A channel passes on a person's request to be forgotten as a "deleteUserData" activity (Bot Framework's activity type):
    // it was ignored, and the turn it ran recorded the person once more.
    [Fact]
    public async Task ADeleteUserDataActivity_DeletesEverythingThatNamesTheShopper_AndTheyCanStartAgain()
    {
        using var client = _host.CreateClient();
        await client.PostActivityAsync(EmulatorActivities.Message(_connector.ServiceUrl, "conv-d", "a gift for my nephew, he's 6", "shopper-d", "webchat"));
        var data = _host.Services.GetRequiredService<ShopperData>();
        Assert.NotNull(await data.ExportAsync("webchat", "shopper-d", default));
        var before = _connector.MessagesIn("conv-d").Count;

        var response = await client.PostActivityAsync(EmulatorActivities.Create(Microsoft.Bot.Schema.ActivityTypes.DeleteUserData, _connector.ServiceUrl, "conv-d", "shopper-d", "webchat"));

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Null(await data.ExportAsync("webchat", "shopper-d", default));
        Assert.Null(await _host.Services.GetRequiredService<ICustomerContextStore>().GetAsync("webchat", "shopper-d", default));
        Assert.Empty(await _host.Services.GetRequiredService<Microsoft.Bot.Builder.IStorage>().ReadAsync(["webchat/users/shopper-d", "webchat/conversations/conv-d"], default));
        Assert.DoesNotContain(await _host.Services.GetRequiredService<IFunnelEventStore>().ListAsync(null, 1000, default), e => e.UserId == "shopper-d");
        Assert.Equal(before, _connector.MessagesIn("conv-d").Count); // nothing said in answer

        // The bot remembers nothing: the next message is a new shopper's, asked who the gift is for again.
        await client.PostActivityAsync(EmulatorActivities.Message(_connector.ServiceUrl, "conv-d", "hi", "shopper-d", "webchat"));
        var after = _connector.MessagesIn("conv-d").Skip(before).Select(m => m.Text).ToList();
        Assert.Contains(after, t => t is not null && t.Contains("Who is the gift for?"));
        Assert.DoesNotContain(after, t => t is not null && t.Contains("nephew"));
    }

    [Fact]
    public async Task Delete_AlsoRemovesTheAgentsListRow_ShareLinks_TrackedLinks_AndPendingFollowUps()
    {
        await using var host = await ConsoleHost.StartAsync(new()
        {
            ["EntryPoints:PageName"] = "LittleWondersShop",
            ["ClickTracking:PublicBaseUrl"] = "https://bot.example.com",
        });
        using var client = host.CreateClient();
        async Task SayAsync(string text) =>
            Assert.True((await client.PostActivityAsync(EmulatorActivities.Message(_connector.ServiceUrl, "conv-q", text, "shopper-q", "webchat"))).IsSuccessStatusCode);
        await SayAsync("lego for my nephew, he's 8, under 40");
        await SayAsync("SHARE");
        await SayAsync("now a gift for my niece"); // asks her age: a follow-up is scheduled for the silence
        var replies = _connector.MessagesIn("conv-q");
        var shareToken = ShareTokenIn(replies);
        var clickToken = System.Text.RegularExpressions.Regex.Match(string.Join("\n", replies.Select(r => Newtonsoft.Json.JsonConvert.SerializeObject(r))),
            @"https://bot\.example\.com/[^""]*?[?&]c=([A-Za-z0-9_-]{22})").Groups[1].Value;
        Assert.NotEmpty(clickToken); // the carousel's cards link through the shop's tracked links
        var data = host.Services.GetRequiredService<ShopperData>();
        var export = (await data.ExportAsync("webchat", "shopper-q", default))!["elsewhere"]!.AsObject();
        Assert.Equal(["follow-ups", "share links", "tracked links"], export.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Contains(shareToken, export["share links"]!.ToJsonString());

        var summary = await data.DeleteAsync("webchat", "shopper-q", default);

        Assert.Contains("share links", summary);
        var agentsList = await host.Services.GetRequiredService<ICustomerListStore>().QueryAsync(new CustomerListQuery(Limit: 100), default);
        Assert.DoesNotContain(agentsList.Rows, r => r.UserId == "shopper-q");
        Assert.Null(await host.Services.GetRequiredService<ShareTokens>().ResolveAsync(shareToken, default));
        Assert.Null(await host.Services.GetRequiredService<ClickTokens>().ResolveAsync(clickToken, default));
        Assert.Null(await host.Services.GetRequiredService<IScheduledJobStore>().GetAsync(FollowUpJob.KeyFor("webchat", "conv-q"), default));
    }

    private static string ShareTokenIn(IEnumerable<Microsoft.Bot.Schema.Activity> replies)
    {
        var link = replies.Select(r => System.Text.RegularExpressions.Regex.Match(r.Text ?? "", @"https://m\.me/LittleWondersShop\?ref=(\S+)")).First(m => m.Success);
        Assert.True(GiftBot.Content.EntryPoints.ShareRef.TryParse(link.Groups[1].Value, out var token));
        return token;
    }
}
