using GiftBot.Conversations.State;
using GiftBot.Content;
using GiftBot.Conversations.Text;
using Microsoft.Bot.Builder;
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

    /// <summary>The first message of a closed period gets the away message, if the content asks for it. True when it was sent.</summary>
    public async Task<bool> NoticeFirstMessageAsync(ITurnContext turnContext, AssistantUserData data, CancellationToken cancellationToken)
    {
        if (!_hours.AwayOnFirstMessage || IsOpenNow()) return false;
        if (data.AwayNoticeUntil is { } until && _clock.GetUtcNow() < until) return false;
        await SendAwayAsync(turnContext, data, cancellationToken);
        return true;
    }

    /// <summary>Says the team is away and when they are back (once per turn), and remembers this closed period as noticed.</summary>
    public async Task SendAwayAsync(ITurnContext turnContext, AssistantUserData data, CancellationToken cancellationToken)
    {
        data.AwayNoticeUntil = _hours.NextOpening(Now)?.ToDateTimeOffset() ?? _clock.GetUtcNow() + NoOpeningRepeat;
        if (turnContext.TurnState.ContainsKey(SentThisTurnKey)) return;
        turnContext.TurnState[SentThisTurnKey] = true;
        var findGift = QuickReplies.Command(_voice.Line(turnContext, CommonText.FindGift), Payloads.FindGift);
        await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, _voice.Line(turnContext, AwayKey), [findGift]), cancellationToken);
    }

    private Instant Now => Instant.FromDateTimeOffset(_clock.GetUtcNow());
}
