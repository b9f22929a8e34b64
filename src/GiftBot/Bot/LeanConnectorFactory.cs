using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Newtonsoft.Json.Serialization;

namespace GiftBot.Bot;

/// <summary>
/// Hands out connector clients made by the wrapped factory with the shared contract resolver, and, given a
/// <see cref="ConnectorClientCache"/>, the same client again for the same bot identity, audience and service URL.
/// </summary>
internal sealed class LeanConnectorFactory(ConnectorFactory inner, IContractResolver? contractResolver, ConnectorClientCache? cache, string? appId)
    : ConnectorFactory
{
    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
        cache is null
            ? CreateNewAsync(serviceUrl, audience, cancellationToken)
            : cache.GetOrCreateAsync(new ConnectorClientCache.Key(serviceUrl, audience, appId), () => CreateNewAsync(serviceUrl, audience, cancellationToken));

    private async Task<IConnectorClient> CreateNewAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var client = await inner.CreateAsync(serviceUrl, audience, cancellationToken).ConfigureAwait(false);
        if (contractResolver is not null && client is ConnectorClient connectorClient)
        {
            connectorClient.SerializationSettings.ContractResolver = contractResolver;
            connectorClient.DeserializationSettings.ContractResolver = contractResolver;
        }
        return client;
    }
}
