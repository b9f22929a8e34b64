using System.Net;
using System.Text.Json;
using GiftBot.Customers.Context;
using GiftBot.Customers.Tests.Support;

namespace GiftBot.Customers.Tests.AgentApi;

public class AgentApiReadTests
{
    [Fact]
    public async Task ListsTheWaitingQueue_WithNamesTagsAndStatus()
    {
        await using var host = await AgentApiHost.StartAsync();
        await host.Store.SetProfileAsync("facebook", "psid-1", "Ada", "en_GB", null, CustomerServices.Start, default);
        await host.Store.UpdateAsync("facebook", "psid-1", c => c.SetHandover(HandoverStatus.WaitingForAgent, CustomerServices.Start, null, null) | c.AddTags(["needs agent"]), false, default);
        await host.Store.SetProfileAsync("facebook", "psid-2", "Bo", null, null, CustomerServices.Start, default);

        var waiting = await ApiResponse.SendAsync(host.Client, HttpMethod.Get, "/api/agent/customers?status=waiting");

        Assert.Equal(HttpStatusCode.OK, waiting.Status);
        Assert.Equal(1, waiting.Body.GetProperty("total").GetInt32());
        var item = Assert.Single(waiting.Body.GetProperty("items").EnumerateArray());
        Assert.Equal(("facebook", "psid-1", "Ada", "WaitingForAgent"),
            (item.GetProperty("channelId").GetString(), item.GetProperty("userId").GetString(), item.GetProperty("firstName").GetString(), item.GetProperty("handoverStatus").GetString()));
        Assert.Equal(["needs agent"], item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Theory]
    [InlineData("?status=sleeping")]
    [InlineData("?pageSize=0")]
    [InlineData("?pageSize=1000")]
    [InlineData("?page=first")]
    public async Task RejectsABadListQuery_With400(string query)
    {
        await using var host = await AgentApiHost.StartAsync();

        var response = await ApiResponse.SendAsync(host.Client, HttpMethod.Get, "/api/agent/customers" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    [Fact]
    public async Task ReturnsTheCard_WithBasketAndRecipientsFromUserState()
    {
        await using var host = await AgentApiHost.StartAsync();
        await host.Store.SetProfileAsync("facebook", "psid-1", "Ada", "en_GB", "1", CustomerServices.Start, default);
        await host.Store.RecordEntryAsync("facebook", "psid-1", new EntrySource { Source = "SHORTLINK", Ref = "xmas", At = CustomerServices.Start }, default);
        await host.Store.UpdateAsync("facebook", "psid-1", c => c.RecordInteraction(CustomerServices.Start.AddHours(-2), true), false, default);
        await UserStateSeed.WriteAsync(host.Storage, "facebook", "psid-1");

        var card = await ApiResponse.SendAsync(host.Client, HttpMethod.Get, "/api/agent/customers/facebook/psid-1");

        Assert.Equal(HttpStatusCode.OK, card.Status);
        Assert.Equal("Ada", card.Body.GetProperty("profile").GetProperty("firstName").GetString());
        Assert.Equal("xmas", card.Body.GetProperty("firstEntry").GetProperty("ref").GetString());
        Assert.Equal("BotOwns", card.Body.GetProperty("handover").GetProperty("status").GetString());
        Assert.True(card.Body.GetProperty("messagingWindow").GetProperty("isOpen").GetBoolean());
        var basketItem = card.Body.GetProperty("userState").GetProperty("basket").GetProperty("Items")[0];
        Assert.Equal(("GB-1047", 49.99m), (basketItem.GetProperty("ProductId").GetString(), basketItem.GetProperty("Price").GetDecimal()));
        var recipient = card.Body.GetProperty("userState").GetProperty("recipients").GetProperty("Profiles")[0];
        Assert.Equal("nephew", recipient.GetProperty("Recipient").GetString());
        Assert.False(card.Body.TryGetProperty("eTag", out _));
    }

    [Fact]
    public async Task ReturnsTheCard_WithoutUserState_WhenThereIsNone()
    {
        await using var host = await AgentApiHost.StartAsync();
        await host.Store.SetProfileAsync("emulator", "user-1", "Cy", null, null, CustomerServices.Start, default);

        var card = await ApiResponse.SendAsync(host.Client, HttpMethod.Get, "/api/agent/customers/emulator/user-1");

        Assert.Equal(HttpStatusCode.OK, card.Status);
        Assert.Equal(JsonValueKind.Null, card.Body.GetProperty("userState").ValueKind);
        Assert.Equal(JsonValueKind.Null, card.Body.GetProperty("messagingWindow").ValueKind);
    }

    [Fact]
    public async Task Returns404_ForAnUnknownCustomer()
    {
        await using var host = await AgentApiHost.StartAsync();

        var response = await ApiResponse.SendAsync(host.Client, HttpMethod.Get, "/api/agent/customers/facebook/nobody");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("Unknown customer", response.Text("title"));
    }

    [Fact]
    public async Task Answers400_ForAnIdWithControlCharacters()
    {
        await using var host = await AgentApiHost.StartAsync();

        var response = await ApiResponse.SendAsync(host.Client, HttpMethod.Get, "/api/agent/customers/facebook/psid%01");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }
}
