using Microsoft.Bot.Connector;

namespace GiftBot.Dialogs.Choices;

/// <summary>What each channel can show, used to pick how choices are rendered.</summary>
public static class Channel
{
    /// <summary>Quick replies are cut at this many characters on Messenger; longer titles fall back to a text list.</summary>
    public const int TruncatedTitleLength = 20;

    // (suggested actions, card actions) a channel shows at most; 0 = not supported.
    private static readonly Dictionary<string, (int Suggested, int Card)> Capabilities = new(StringComparer.OrdinalIgnoreCase)
    {
        [Channels.Facebook] = (13, 3),
        [Channels.Skype] = (10, 3),
        [Channels.Line] = (13, 99),
        [Channels.Telegram] = (100, 100),
        [Channels.Emulator] = (100, 100),
        [Channels.Directline] = (100, 100),
        [Channels.Webchat] = (100, 100),
        [Channels.DirectlineSpeech] = (100, 100),
        [Channels.Msteams] = (0, 50),
        [Channels.Slack] = (0, 100),
    };

    // Channels that cut button titles; elsewhere long titles still get buttons.
    private static readonly HashSet<string> TruncatingChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        Channels.Facebook, Channels.Skype, Channels.Line, Channels.Msteams,
    };

    public static bool SupportsSuggestedActions(string? channelId, int buttonCnt = 100)
        => Lookup(channelId).Suggested >= buttonCnt && buttonCnt > 0;

    public static bool SupportsCardActions(string? channelId, int buttonCnt = 100)
        => Lookup(channelId).Card >= buttonCnt && buttonCnt > 0;

    /// <summary>Longest button title shown whole; titles longer than this make choices render as a text list.</summary>
    public static int MaxActionTitleLength(string? channelId)
        => channelId is not null && TruncatingChannels.Contains(channelId) ? TruncatedTitleLength : int.MaxValue;

    private static (int Suggested, int Card) Lookup(string? channelId)
        => channelId is not null && Capabilities.TryGetValue(channelId, out var caps) ? caps : (0, 0);
}
