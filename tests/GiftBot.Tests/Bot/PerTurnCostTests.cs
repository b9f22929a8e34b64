using System.Collections.Concurrent;
using GiftBot.Testing.BotFramework;
using GiftBot.Tests.Hosting;
using Microsoft.Bot.Builder;
using GiftBot.Bot;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Serialization;

namespace GiftBot.Tests.Bot;

/// <summary>
/// The per-turn cost fixes: the connector clients CloudAdapter creates for each turn share one contract resolver
/// (so Newtonsoft's reflection is done once, not per reply) and the OAuth client is only built when used; replies and
/// token calls still work.
/// </summary>
public sealed class PerTurnCostTests
{
    [Fact]
    public async Task ConnectorClientsOfDifferentTurns_ShareOneContractResolver()
    {
        var resolvers = await CaptureResolversOfTwoTurnsAsync(shareResolver: true);

        Assert.Equal(4, resolvers.Count);
        Assert.Single(resolvers.Distinct(ReferenceEqualityComparer.Instance));
    }

    [Fact]
    public async Task ConnectorClientsGetFreshResolvers_WhenTheFixIsSwitchedOff()
    {
        var resolvers = await CaptureResolversOfTwoTurnsAsync(shareResolver: false);

        Assert.Equal(4, resolvers.Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    [Fact]
    public async Task ATurnsTranscriptAndItsUnitOfWork_ShareOneCommit_WhenTheWriterIsBusy()
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = new GiftBotApp();
        var client = app.CreateClient();
        await client.PostActivityAsync(EmulatorActivities.Message(connector.ServiceUrl, "conv-warm", "hello"));
        var database = app.Services.GetRequiredService<GiftBot.Storage.Sqlite.SqliteDatabase>();

        // Another write holds the writer while the turn runs, as concurrent turns do under load.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = database.WriteAsync((_, _, _) => gate.Task);
        await Task.Delay(50);
        var before = database.Commits;
        var turn = client.PostActivityAsync(EmulatorActivities.Message(connector.ServiceUrl, "conv-cost", "hello", userId: "user-cost"));
        await WaitUntilAsync(() => connector.Server.Requests.Any(r => r.Json?["conversation"]?["id"]?.GetValue<string>() == "conv-cost"));
        await Task.Delay(200);
        gate.SetResult();
        await holding;
        (await turn).EnsureSuccessStatusCode();

        // The held batch, then one batch with the turn's transcript and its unit of work (they used to wait one after the other).
        Assert.Equal(2, database.Commits - before);
        var transcript = app.Services.GetRequiredService<GiftBot.WebConsole.Transcripts.IConversationTranscript>();
        var entries = await transcript.ReadAsync("emulator", "user-cost", 10, default);
        Assert.Contains(entries, e => e.Inbound);
        Assert.Contains(entries, e => !e.Inbound);
    }

    // One serialisation per reply: the transcript keeps the reply as the connector got it (only that form keeps its
    // service URL; the compact form a reply was stored in before leaves the envelope out), and the inbox reads it back.
    [Fact]
    public async Task ATurnsReplyIsRecordedAsTheJsonTheConnectorGot()
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = new GiftBotApp(configureServices: services => services.AddTransient<IBot>(_ => new DelegateBot((turn, ct) =>
            turn.SendActivityAsync(MessageFactory.Text("echo: " + turn.Activity.Text), ct))));

        (await app.CreateClient().PostActivityAsync(EmulatorActivities.Message(connector.ServiceUrl, "conv-sent", "gift for mum", userId: "user-sent"))).EnsureSuccessStatusCode();

        var transcript = app.Services.GetRequiredService<GiftBot.WebConsole.Transcripts.IConversationTranscript>();
        var reply = Assert.Single(await transcript.ReadAsync("emulator", "user-sent", 10, default), e => !e.Inbound).Activity;
        var sent = Assert.Single(connector.Server.Requests).Json!;
        Assert.Equal(("echo: gift for mum", "conv-sent"), (reply.Text, reply.Conversation?.Id));
        Assert.Equal(sent["serviceUrl"]!.GetValue<string>(), reply.ServiceUrl);
        Assert.Equal(sent["replyToId"]!.GetValue<string>(), reply.ReplyToId);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 20_000, "The turn never replied.");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task RepliesSerializeAsBotFrameworkJson_WithTheSharedResolver()
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = new GiftBotApp(configureServices: services => services.AddTransient<IBot>(_ => new DelegateBot((turn, ct) =>
            turn.SendActivityAsync(MessageFactory.Text(turn.Activity.Text), ct))));
        var activity = EmulatorActivities.Message(connector.ServiceUrl, "conv-json", "wire check");

        await app.CreateClient().PostActivityAsync(activity);

        var json = Assert.Single(connector.Server.Requests).Json!;
        Assert.Equal("message", json["type"]!.GetValue<string>());
        Assert.Equal("wire check", json["text"]!.GetValue<string>());
        Assert.Equal(activity.Id, json["replyToId"]!.GetValue<string>());
        Assert.Equal("conv-json", json["conversation"]!["id"]!.GetValue<string>());
        Assert.DoesNotContain(json.AsObject(), property => property.Value is null); // nulls are left out, as the connector expects
    }

    // What the shipped host names to each turn's unit of work: the three items every turn reads, fetched by its first read.
    [Fact]
    public async Task ATurnNamesItsStateAndCardToReadAhead()
    {
        await using var app = new GiftBotApp();
        var activity = EmulatorActivities.Message("http://localhost/", "conv-ahead", "hello", userId: "user-ahead");
        var turn = new TurnContext(app.Services.GetRequiredService<BotAdapter>(), activity);

        var keys = app.Services.GetServices<GiftBot.Storage.ITurnReadAhead>().SelectMany(r => r.KeysFor(turn)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["customers/emulator/user-ahead", "emulator/conversations/conv-ahead", "emulator/users/user-ahead"], keys);
    }

    [Fact]
    public async Task CreatesTheOAuthClientOnlyWhenATurnUsesIt_AndThenCallsTheTokenService()
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        connector.Server.On("GET", "/api/usertoken/GetTokenStatus").Respond(200, new[] { new { connectionName = "shop", hasToken = false } });
        var created = new ConcurrentQueue<bool>();
        await using var app = new GiftBotApp(
            new Dictionary<string, string?> { ["OAuthUrl"] = connector.ServiceUrl.TrimEnd('/') },
            services => services.AddTransient<IBot>(_ => new DelegateBot(async (turn, ct) =>
            {
                var tokens = (DeferredUserTokenClient)turn.TurnState.Get<UserTokenClient>();
                created.Enqueue(tokens.IsCreated);
                if (turn.Activity.Text == "status")
                {
                    var status = await tokens.GetTokenStatusAsync(turn.Activity.From.Id, turn.Activity.ChannelId, null!, ct);
                    created.Enqueue(tokens.IsCreated);
                    await turn.SendActivityAsync(MessageFactory.Text($"{status.Single().ConnectionName}:{status.Single().HasToken}"), ct);
                }
            })));

        await app.CreateClient().PostActivityAsync(EmulatorActivities.Message(connector.ServiceUrl, "conv-oauth", "hello"));
        await app.CreateClient().PostActivityAsync(EmulatorActivities.Message(connector.ServiceUrl, "conv-oauth", "status"));

        Assert.Equal([false, false, true], created);
        var call = Assert.Single(connector.Server.RequestsTo("/api/usertoken/GetTokenStatus"));
        Assert.Equal("user-1", call.Query["userId"]);
        Assert.Equal("shop:False", Assert.Single(connector.MessagesIn("conv-oauth")).Text);
    }

    private static async Task<List<IContractResolver>> CaptureResolversOfTwoTurnsAsync(bool shareResolver)
    {
        var resolvers = new ConcurrentQueue<IContractResolver>();
        await using var connector = await BotConnectorStandIn.StartAsync();
        await using var app = new GiftBotApp(
            // Clients not reused, so each turn's client is a new one, as CloudAdapter makes it.
            new Dictionary<string, string?> { ["Bot:ShareConnectorContractResolver"] = shareResolver.ToString(), ["Bot:ReuseConnectorClients"] = "false" },
            services => services.AddTransient<IBot>(_ => new DelegateBot(async (turn, ct) =>
            {
                var client = turn.TurnState.Get<IConnectorClient>();
                resolvers.Enqueue(client.SerializationSettings.ContractResolver!);
                resolvers.Enqueue(client.DeserializationSettings.ContractResolver!);
                await turn.SendActivityAsync(MessageFactory.Text("ok"), ct);
            })));
        var http = app.CreateClient();

        await http.PostActivityAsync(EmulatorActivities.Message(connector.ServiceUrl, "conv-a", "one"));
        await http.PostActivityAsync(EmulatorActivities.Message(connector.ServiceUrl, "conv-b", "two"));

        Assert.Equal(2, connector.Server.Requests.Count);
        return [.. resolvers];
    }
}
