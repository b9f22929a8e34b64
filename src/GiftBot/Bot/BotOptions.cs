using System.ComponentModel.DataAnnotations;

namespace GiftBot.Bot;

/// <summary>How the host treats traffic on /api/messages. Bound to the "Bot" configuration section.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>Largest activity body accepted; bigger bodies get 413. Bot Framework channels stay well under 256 KB.</summary>
    [Range(1_024, 4 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Give every per-turn ConnectorClient one shared Newtonsoft contract resolver instead of a fresh one (which
    /// rebuilds every contract on every reply). Only switched off to measure the difference.
    /// </summary>
    public bool ShareConnectorContractResolver { get; set; } = true;

    /// <summary>
    /// Keep connector clients across turns (per service URL, audience and app id, bounded) instead of a new client,
    /// credentials and HTTP pipeline per turn. Only switched off to measure the difference.
    /// </summary>
    public bool ReuseConnectorClients { get; set; } = true;

    /// <summary>Create the per-turn OAuth (user token) client only when a sign-in flow uses it. Only switched off to measure.</summary>
    public bool DeferUserTokenClient { get; set; } = true;
}
