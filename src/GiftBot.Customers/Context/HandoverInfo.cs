namespace GiftBot.Customers.Context;

/// <summary>Who answers the person right now: the bot, nobody yet (waiting for an agent) or a human.</summary>
[Newtonsoft.Json.JsonConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<HandoverStatus>))]
public enum HandoverStatus
{
    BotOwns,
    WaitingForAgent,
    HumanOwns,
}

public sealed class HandoverInfo
{
    public HandoverStatus Status { get; set; } = HandoverStatus.BotOwns;

    /// <summary>When the current status began; null while the bot has always owned the thread.</summary>
    public DateTimeOffset? Since { get; set; }

    /// <summary>The app that owns the thread (e.g. Meta's Page Inbox app 263902037430900), when known.</summary>
    public string? OwnerAppId { get; set; }

    /// <summary>The agent handling the person, when known.</summary>
    public string? AgentId { get; set; }

    /// <summary>Last thing a human did in the thread (a message sent through GiftBot, an inbox echo): measures idleness.</summary>
    public DateTimeOffset? LastAgentActivityAt { get; set; }
}
