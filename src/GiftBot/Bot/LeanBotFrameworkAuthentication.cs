using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest.Serialization;
using Newtonsoft.Json.Serialization;

namespace GiftBot.Bot;

/// <summary>
/// Decorates a <see cref="BotFrameworkAuthentication"/> to take two fixed costs out of every turn; behaviour is unchanged.
/// <list type="bullet">
/// <item>Shared contract resolver: CloudAdapter builds a new ConnectorClient per turn whose fresh Newtonsoft resolvers
/// start with empty contract caches, so every reply re-reflects the whole Activity graph (~13 ms CPU per turn). Here
/// every client from the connector factories shares ONE resolver, which also writes cards straight through
/// (<see cref="ConnectorContractResolver"/>).</item>
/// <item>Reused connector clients: the same client (and credentials, with their cached token) for every turn to the same
/// service URL as the same bot, kept in a bounded <see cref="ConnectorClientCache"/>.</item>
/// <item>Deferred user token client: CloudAdapter also creates an OAuth client per turn (~90 KB, ~0.4 ms) that only
/// sign-in flows use; it is now created on first use.</item>
/// </list>
/// </summary>
public sealed class LeanBotFrameworkAuthentication(
    BotFrameworkAuthentication inner, bool shareContractResolver, bool deferUserTokenClient, bool reuseConnectorClients = false)
    : BotFrameworkAuthentication
{
    /// <summary>The resolver every connector client uses; thread-safe, its contract cache fills once and stays warm.</summary>
    public IContractResolver ContractResolver { get; } = new ConnectorContractResolver();

    /// <summary>The connector clients kept across turns (null when each turn gets a new one).</summary>
    public ConnectorClientCache? ConnectorClients { get; } = reuseConnectorClients ? new ConnectorClientCache() : null;

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false);
        result.ConnectorFactory = Wrap(result.ConnectorFactory, result.ClaimsIdentity);
        return result;
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false);
        result.ConnectorFactory = Wrap(result.ConnectorFactory, result.ClaimsIdentity);
        return result;
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        Wrap(inner.CreateConnectorFactory(claimsIdentity), claimsIdentity)!;

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        deferUserTokenClient
            ? Task.FromResult<UserTokenClient>(new DeferredUserTokenClient(() => inner.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None)))
            : inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private ConnectorFactory? Wrap(ConnectorFactory? factory, ClaimsIdentity? identity) =>
        (!shareContractResolver && ConnectorClients is null) || factory is null or LeanConnectorFactory
            ? factory
            : new LeanConnectorFactory(factory, shareContractResolver ? ContractResolver : null, ConnectorClients, BotAppId(identity));

    // The app id the SDK's factory builds a client's credentials for: the token's audience (a channel), else its appid
    // claim (the Emulator); none when authentication is off.
    private static string? BotAppId(ClaimsIdentity? identity) =>
        identity?.Claims.FirstOrDefault(c => c.Type == AuthenticationConstants.AudienceClaim)?.Value
        ?? identity?.Claims.FirstOrDefault(c => c.Type == AuthenticationConstants.AppIdClaim)?.Value;
}
