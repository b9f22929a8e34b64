using System.Collections.Concurrent;
using System.Security.Claims;
using GiftBot.Bot;
using GiftBot.Testing.BotFramework;
using GiftBot.Tests.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Tests.Bot;

/// <summary>
/// Connector clients are kept across turns (CloudAdapter would build one per turn and dispose it at the turn's end):
/// replies still reach the right connector, turn after turn, and clients stay apart per service URL and bot identity.
/// </summary>
public sealed class ConnectorClientReuseTests
{
    private const string AppId = "2d3b8f0e-6a41-4c1b-9d8e-5f7a0c9b1e42";

    [Fact]
    public async Task ManyTurns_ReachTheConnector_ThroughOneKeptClient()
    {
        await using var connector = await BotConnectorStandIn.StartAsync();
        var clients = new ConcurrentQueue<IConnectorClient>();
        await using var app = new GiftBotApp(configureServices: services => services.AddTransient<IBot>(_ => new DelegateBot((turn, ct) =>
        {
            clients.Enqueue(turn.TurnState.Get<IConnectorClient>());
            return turn.SendActivityAsync(MessageFactory.Text("echo " + turn.Activity.Text), ct);
        })));
        var http = app.CreateClient();

        for (var i = 0; i < 12; i++)
            await http.PostActivityAsync(EmulatorActivities.Message(connector.ServiceUrl, $"conv-{i % 3}", $"turn {i}"));

        for (var conversation = 0; conversation < 3; conversation++)
        {
            Assert.Equal(
                Enumerable.Range(0, 12).Where(i => i % 3 == conversation).Select(i => $"echo turn {i}"),
                connector.MessagesIn($"conv-{conversation}").Select(m => m.Text));
        }
        Assert.Single(clients.Distinct(ReferenceEqualityComparer.Instance)); // the adapter's end-of-turn Dispose did not end it
    }

    [Fact]
    public async Task RepliesToTwoServiceUrls_GoEachToItsOwnConnector()
    {
        await using var first = await BotConnectorStandIn.StartAsync();
        await using var second = await BotConnectorStandIn.StartAsync();
        await using var app = new GiftBotApp();
        var http = app.CreateClient();

        var (toFirst, toSecond) = (new List<string>(), new List<string>());
        for (var round = 0; round < 3; round++)
        {
            var one = EmulatorActivities.Message(first.ServiceUrl, "conv-first", "hi", userId: "shopper-first");
            var two = EmulatorActivities.Message(second.ServiceUrl, "conv-second", "hi", userId: "shopper-second");
            await http.PostActivityAsync(one);
            await http.PostActivityAsync(two);
            toFirst.Add(one.Id);
            toSecond.Add(two.Id);
        }

        // Every turn was answered, on the connector its activity came from, and nothing crossed over.
        Assert.Equal(toFirst, first.MessagesIn("conv-first").Select(m => m.ReplyToId).Distinct());
        Assert.Equal(toSecond, second.MessagesIn("conv-second").Select(m => m.ReplyToId).Distinct());
        Assert.All(first.Server.Requests, r => Assert.StartsWith("/v3/conversations/conv-first/", r.Path, StringComparison.Ordinal));
        Assert.All(second.Server.Requests, r => Assert.StartsWith("/v3/conversations/conv-second/", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeptClients_CarryTheCredentialsOfTheBotAndAudienceTheyWereMadeFor()
    {
        await using var app = new GiftBotApp(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "test-secret",
            ["MicrosoftAppType"] = "MultiTenant",
        });
        var authentication = app.Services.GetRequiredService<BotFrameworkAuthentication>();
        const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
        const string SkillAudience = "api://7b0e3c1d-5a2f-4e8b-9c6d-1f3a5b7c9e20";

        using var first = await authentication.CreateConnectorFactory(Identity(AppId)).CreateAsync(ServiceUrl, null!, CancellationToken.None);
        using var again = await authentication.CreateConnectorFactory(Identity(AppId)).CreateAsync(ServiceUrl, null!, CancellationToken.None);
        using var otherAudience = await authentication.CreateConnectorFactory(Identity(AppId)).CreateAsync(ServiceUrl, SkillAudience, CancellationToken.None);
        using var otherUrl = await authentication.CreateConnectorFactory(Identity(AppId)).CreateAsync("https://smba.trafficmanager.net/amer/", null!, CancellationToken.None);

        Assert.Same(first, again);
        Assert.Equal(AppId, Assert.IsAssignableFrom<AppCredentials>(first.Credentials).MicrosoftAppId);
        Assert.NotSame(first, otherAudience);
        Assert.Equal(SkillAudience, Assert.IsAssignableFrom<AppCredentials>(otherAudience.Credentials).OAuthScope);
        Assert.NotEqual(SkillAudience, Assert.IsAssignableFrom<AppCredentials>(first.Credentials).OAuthScope);
        Assert.NotSame(first, otherUrl);
        Assert.Equal(new Uri("https://smba.trafficmanager.net/amer/"), otherUrl.BaseUri);
    }

    [Fact]
    public async Task KeepsAtMostItsCapacity_DroppingTheLeastRecentlyUsed()
    {
        var cache = new ConnectorClientCache(capacity: 2);
        var made = 0;
        Task<IConnectorClient> Make() { made++; return Task.FromResult<IConnectorClient>(new ConnectorClient(new Uri("http://localhost/"))); }
        ConnectorClientCache.Key Key(string url) => new(url, null, null);

        var a = await cache.GetOrCreateAsync(Key("http://a/"), Make);
        await cache.GetOrCreateAsync(Key("http://b/"), Make);
        Assert.Same(a, await cache.GetOrCreateAsync(Key("http://a/"), Make)); // a is now the more recently used
        await cache.GetOrCreateAsync(Key("http://c/"), Make);               // b goes
        Assert.Same(a, await cache.GetOrCreateAsync(Key("http://a/"), Make));
        await cache.GetOrCreateAsync(Key("http://b/"), Make);

        Assert.Equal(2, cache.Count);
        Assert.Equal(4, made);
    }

    [Fact]
    public async Task RenewsAClient_AfterItsLifetime()
    {
        var cache = new ConnectorClientCache(lifetime: TimeSpan.Zero);
        Task<IConnectorClient> Make() => Task.FromResult<IConnectorClient>(new ConnectorClient(new Uri("http://localhost/")));
        var key = new ConnectorClientCache.Key("http://a/", null, null);

        Assert.NotSame(await cache.GetOrCreateAsync(key, Make), await cache.GetOrCreateAsync(key, Make));
        Assert.Equal(1, cache.Count);
    }

    private static ClaimsIdentity Identity(string appId) =>
        new([new Claim(AuthenticationConstants.AudienceClaim, appId), new Claim(AuthenticationConstants.AppIdClaim, appId)]);
}
