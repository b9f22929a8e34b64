using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Newtonsoft.Json.Serialization;

namespace GiftBot.Bot;

/// <summary>Creates connector clients through the wrapped factory, then points their (de)serialization settings at the shared resolver.</summary>
internal sealed class SharedContractResolverConnectorFactory(ConnectorFactory inner, IContractResolver contractResolver) : ConnectorFactory
{
    public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var client = await inner.CreateAsync(serviceUrl, audience, cancellationToken).ConfigureAwait(false);
        if (client is ConnectorClient connectorClient)
        {
            connectorClient.SerializationSettings.ContractResolver = contractResolver;
            connectorClient.DeserializationSettings.ContractResolver = contractResolver;
        }
        return client;
    }
}
