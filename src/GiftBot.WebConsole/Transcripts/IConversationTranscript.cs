using Microsoft.Bot.Schema;

namespace GiftBot.WebConsole.Transcripts;

/// <summary>How a message travelled: the direct Messenger adapter (Graph API) or a Bot Framework channel (Azure Bot Service, Web Chat, Emulator).</summary>
public static class TranscriptRoutes
{
    public const string MessengerDirect = "messenger-direct";
    public const string BotFramework = "bot-framework";
}

/// <summary>One message in or out, kept as the Bot Framework activity the shopper's channel got (cards, quick replies and all).</summary>
public sealed record TranscriptEntry(long Id, string ChannelId, string UserId, bool Inbound, string Route, DateTimeOffset At, Activity Activity);

/// <summary>A message to record: what <see cref="TranscriptEntry"/> holds once stored (without its id).</summary>
/// <param name="SentJson">The JSON the reply was sent as (<see cref="GiftBot.Dialogs.SentActivityJson"/>), stored as it is; null: serialised here.</param>
public sealed record TranscriptAppend(string ChannelId, string UserId, bool Inbound, string Route, DateTimeOffset At, Activity Activity, byte[]? SentJson = null);

/// <summary>The full conversation per person, for the inbox. SQLite here; other providers implement the same interface.</summary>
public interface IConversationTranscript
{
    Task AppendAsync(string channelId, string userId, bool inbound, string route, DateTimeOffset at, Activity activity, CancellationToken cancellationToken) =>
        AppendAllAsync([new TranscriptAppend(channelId, userId, inbound, route, at, activity)], cancellationToken);

    /// <summary>Records several messages in one write, in order (a turn's message in and its replies).</summary>
    Task AppendAllAsync(IReadOnlyList<TranscriptAppend> entries, CancellationToken cancellationToken);

    /// <summary>The latest <paramref name="limit"/> entries, oldest first.</summary>
    Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string channelId, string userId, int limit, CancellationToken cancellationToken);

    /// <summary>Every entry between two instants (for response-time figures), oldest first.</summary>
    Task<IReadOnlyList<TranscriptEntry>> ReadRangeAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>The shopper's latest inbound message: where a proactive reply goes.</summary>
    Task<TranscriptEntry?> LatestInboundAsync(string channelId, string userId, CancellationToken cancellationToken);

    Task<int> DeleteAsync(string channelId, string userId, CancellationToken cancellationToken);
}
