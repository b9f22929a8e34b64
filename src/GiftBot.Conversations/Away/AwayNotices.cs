using GiftBot.Conversations.State;
using GiftBot.Content;
using GiftBot.Conversations.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NodaTime;

namespace GiftBot.Conversations.Away;

/// <summary>
/// The away message (persona.away, with {{back_at}} in the shopper's time zone when known) for requests for a person
/// outside opening hours, and, when hours.json says "awayOnFirstMessage", for the first message of each closed period.
/// The gift finder and FAQ keep answering around the clock; only people keep hours.
/// </summary>
public sealed class AwayNotices
{
    public const string AwayKey = "persona.away";
    /// <summary>The away message when the shopper asked for a person: it also says the request waits for the team.</summary>
    public const string AwayForPersonKey = "persona.awayHandover";
    private const string SentThisTurnKey = "GiftBot.Assistant.AwaySent";
    // When the hours never open again (no hours at all), the notice is repeated at most once a week.
    private static readonly TimeSpan NoOpeningRepeat = TimeSpan.FromDays(7);

    private readonly OpeningHours _hours;
    private readonly BotVoice _voice;
    private readonly TimeProvider _clock;

    public AwayNotices(OpeningHours hours, BotVoice voice, TimeProvider clock)
    {
        _hours = hours;
        _voice = voice;
        _clock = clock;
    }

    public bool IsOpenNow() => _hours.IsOpen(Now);

    /// <summary>
    /// The away message for the first message of a closed period, if the content asks for it (null otherwise); the
    /// period counts as noticed. The caller sends it, so it can follow a welcome sent in the same turn.
    /// </summary>
    public IMessageActivity? FirstMessageNotice(ITurnContext turnContext, AssistantUserData data)
    {
        if (!_hours.AwayOnFirstMessage || IsOpenNow()) return null;
        if (data.AwayNoticeUntil is { } until && _clock.GetUtcNow() < until) return null;
        return AwayNotice(turnContext, data);
    }

    /// <summary>
    /// Says the team is away, when they are back and that the shopper's request for a person waits for them (once per
    /// turn), and remembers this closed period as noticed. Returns false when an away message already went out this turn.
    /// </summary>
    public async Task<bool> SendAwayForPersonAsync(ITurnContext turnContext, AssistantUserData data, CancellationToken cancellationToken)
    {
        if (AwayNotice(turnContext, data, AwayForPersonKey) is not { } notice) return false;
        await turnContext.SendActivityAsync(notice, cancellationToken);
        return true;
    }

    private IMessageActivity? AwayNotice(ITurnContext turnContext, AssistantUserData data, string key = AwayKey)
    {
        data.AwayNoticeUntil = _hours.NextOpening(Now)?.ToDateTimeOffset() ?? _clock.GetUtcNow() + NoOpeningRepeat;
        if (turnContext.TurnState.ContainsKey(SentThisTurnKey)) return null;
        turnContext.TurnState[SentThisTurnKey] = true;
        var findGift = QuickReplies.Command(_voice.Line(turnContext, CommonText.FindGift), Payloads.FindGift);
        return QuickReplies.Message(turnContext, _voice.Line(turnContext, key), [findGift]);
    }

    private Instant Now => Instant.FromDateTimeOffset(_clock.GetUtcNow());
}
