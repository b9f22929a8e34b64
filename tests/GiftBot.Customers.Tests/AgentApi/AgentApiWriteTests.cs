using System.Net;
using GiftBot.Customers.Context;
using GiftBot.Customers.Tests.Support;

namespace GiftBot.Customers.Tests.AgentApi;

public class AgentApiWriteTests
{
    private const string Card = "/api/agent/customers/facebook/psid-1";

    [Fact]
    public async Task AddsReplacesAndRemovesTags()
    {
        await using var host = await StartWithCustomerAsync();

        var added = await ApiResponse.SendAsync(host.Client, HttpMethod.Post, Card + "/tags", """{"tags":["Order  Problem","feedback"]}""");
        var replaced = await ApiResponse.SendAsync(host.Client, HttpMethod.Put, Card + "/tags", """{"tags":["vip","feedback"]}""");
        var removed = await ApiResponse.SendAsync(host.Client, HttpMethod.Delete, Card + "/tags/VIP");

        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Equal(["feedback", "order problem"], added.Strings("tags"));
        Assert.Equal(["feedback", "vip"], replaced.Strings("tags"));
        Assert.Equal(["feedback"], removed.Strings("tags"));
        Assert.Equal(["feedback"], (await host.Store.GetAsync("facebook", "psid-1", default))!.Tags);
    }

    [Theory]
    [InlineData("""{"tags":[""]}""")]
    [InlineData("""{"tags":"vip"}""")]
    [InlineData("""{"tags":["a tag that is much too long to be a useful label for anybody"]}""")]
    [InlineData("""{"labels":["vip"]}""")]
    [InlineData("{not json")]
    public async Task RejectsBadTags_With400_AndChangesNothing(string body)
    {
        await using var host = await StartWithCustomerAsync();

        var response = await ApiResponse.SendAsync(host.Client, HttpMethod.Put, Card + "/tags", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Empty((await host.Store.GetAsync("facebook", "psid-1", default))!.Tags);
    }

    [Fact]
    public async Task AssignsAndUnassignsAnAgent()
    {
        await using var host = await StartWithCustomerAsync();

        var assigned = await ApiResponse.SendAsync(host.Client, HttpMethod.Put, Card + "/assignee", """{"agent":"alice"}""");
        var listed = await ApiResponse.SendAsync(host.Client, HttpMethod.Get, "/api/agent/customers?assignee=alice");
        var unassigned = await ApiResponse.SendAsync(host.Client, HttpMethod.Put, Card + "/assignee", """{"agent":null}""");
        var missing = await ApiResponse.SendAsync(host.Client, HttpMethod.Put, Card + "/assignee", "{}");

        Assert.Equal("alice", assigned.Text("assignedAgent"));
        Assert.Equal(1, listed.Body.GetProperty("total").GetInt32());
        Assert.Null(unassigned.Text("assignedAgent"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
    }

    [Fact]
    public async Task AddsANote_ThatAppearsOnTheCard_WithoutLoggingIt()
    {
        await using var host = await StartWithCustomerAsync();

        var created = await ApiResponse.SendAsync(host.Client, HttpMethod.Post, Card + "/notes", """{"text":"prefers wooden toys, size M","author":"alice"}""");
        var card = await ApiResponse.SendAsync(host.Client, HttpMethod.Get, Card);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var note = Assert.Single(card.Body.GetProperty("notes").EnumerateArray());
        Assert.Equal(("prefers wooden toys, size M", "alice", created.Text("id")),
            (note.GetProperty("text").GetString(), note.GetProperty("author").GetString(), note.GetProperty("id").GetString()));
        Assert.DoesNotContain(host.Logs.Lines, l => l.AllText.Contains("wooden", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"text":"size M"}""")]
    [InlineData("""{"text":"   ","author":"alice"}""")]
    [InlineData("""{"text":42,"author":"alice"}""")]
    public async Task RejectsAnIncompleteNote_With400(string body)
    {
        await using var host = await StartWithCustomerAsync();

        var response = await ApiResponse.SendAsync(host.Client, HttpMethod.Post, Card + "/notes", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Empty((await host.Store.GetAsync("facebook", "psid-1", default))!.Notes);
    }

    [Fact]
    public async Task RejectsABodyOverTheLimit_With413()
    {
        await using var host = await StartWithCustomerAsync();
        var huge = $$"""{"text":"{{new string('x', 20_000)}}","author":"alice"}""";

        var response = await ApiResponse.SendAsync(host.Client, HttpMethod.Post, Card + "/notes", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
    }

    [Fact]
    public async Task MarksWaiting_ThenReleasesToTheBot_AndTellsTheChannel()
    {
        await using var host = await StartWithCustomerAsync();

        var waiting = await ApiResponse.SendAsync(host.Client, HttpMethod.Post, Card + "/handover", """{"status":"waiting"}""");
        host.Clock.Advance(TimeSpan.FromMinutes(15));
        var taken = await ApiResponse.SendAsync(host.Client, HttpMethod.Post, Card + "/handover", """{"status":"human","agent":"alice"}""");
        var released = await ApiResponse.SendAsync(host.Client, HttpMethod.Post, Card + "/handover", """{"status":"bot"}""");

        Assert.Equal(("WaitingForAgent", "HumanOwns", "alice", "BotOwns"), (waiting.Text("status"), taken.Text("status"), taken.Text("agentId"), released.Text("status")));
        Assert.Equal(HandoverStatus.BotOwns, (await host.Store.GetAsync("facebook", "psid-1", default))!.Handover.Status);
        Assert.Equal(
            [(HandoverStatus.BotOwns, HandoverStatus.WaitingForAgent), (HandoverStatus.WaitingForAgent, HandoverStatus.HumanOwns), (HandoverStatus.HumanOwns, HandoverStatus.BotOwns)],
            host.Listener.Changes.Select(c => (c.Previous.Status, c.Current.Status)));
    }

    [Fact]
    public async Task Answers502_WhenTheChannelCannotFollowAHandoverChange()
    {
        await using var host = await StartWithCustomerAsync();
        host.Listener.Fail = true;

        var response = await ApiResponse.SendAsync(host.Client, HttpMethod.Post, Card + "/handover", """{"status":"waiting"}""");

        Assert.Equal(HttpStatusCode.BadGateway, response.Status);
        Assert.Contains("WaitingForAgent", response.Text("detail"));
    }

    [Fact]
    public async Task RejectsAnUnknownHandoverStatus_With400()
    {
        await using var host = await StartWithCustomerAsync();

        var response = await ApiResponse.SendAsync(host.Client, HttpMethod.Post, Card + "/handover", """{"status":"asleep"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("bot, waiting, human", response.Text("detail"));
    }

    [Theory]
    [InlineData("PUT", "/tags", """{"tags":["vip"]}""")]
    [InlineData("POST", "/notes", """{"text":"hi","author":"alice"}""")]
    [InlineData("PUT", "/assignee", """{"agent":"alice"}""")]
    [InlineData("POST", "/handover", """{"status":"waiting"}""")]
    [InlineData("DELETE", "/tags/vip", null)]
    public async Task Answers404_ForWritesToAnUnknownCustomer_AndCreatesNobody(string method, string path, string? body)
    {
        await using var host = await AgentApiHost.StartAsync();

        var response = await ApiResponse.SendAsync(host.Client, new HttpMethod(method), "/api/agent/customers/facebook/nobody" + path, body);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Null(await host.Store.GetAsync("facebook", "nobody", default));
    }

    private static async Task<AgentApiHost> StartWithCustomerAsync()
    {
        var host = await AgentApiHost.StartAsync();
        await host.Store.SetProfileAsync("facebook", "psid-1", "Ada", null, null, CustomerServices.Start, default);
        return host;
    }
}
