using GiftBot.Content;
using GiftBot.Conversations.Interruptions;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using GiftBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NodaTime;

namespace GiftBot.Conversations.ShopHours;

/// <summary>
/// "Are you open on Christmas Eve?", "what time do you close tomorrow?", "open on the 26th?": the hours of the day asked,
/// in the shop's time zone, holidays and special hours included. A question naming no day is left to the FAQ's weekly
/// hours; a gift request naming a day ("something to open on Christmas Day for my son") stays a gift request.
/// </summary>
public sealed class ShopHoursHandler(HoursText hoursText, BotVoice voice, TimeProvider clock) : IInterruptionHandler
{
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        if (command is not null || turnContext.Activity.Type != ActivityTypes.Message) return false;
        // A recipient or a gift word makes it a gift request. Not the interests: "open" alone reads as sports, and a
        // number may be the date ("open on the 26th?").
        var text = turnContext.Activity.Text;
        if ((understanding.Recipient is not null || AnswerWords.Matches(text, voice.List(turnContext, ShopHoursText.GiftWords))) && understanding.Intent != GiftIntents.Faq) return false;
        if (!AnswerWords.Matches(text, voice.List(turnContext, ShopHoursText.HoursWords))) return false;

        var today = Instant.FromDateTimeOffset(clock.GetUtcNow()).InZone(hoursText.Hours.Zone).Date;
        if (AskedDay.Read(turnContext, voice, hoursText, text, today) is not { } day) return false;

        var answer = hoursText.Day(day, today, BotVoice.LocaleOf(turnContext));
        await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, answer,
        [
            QuickReplies.Command(voice.Line(turnContext, CommonText.FindGift), Payloads.FindGift),
            QuickReplies.Command(voice.Line(turnContext, CommonText.TalkToHuman), Payloads.TalkToHuman),
        ]), cancellationToken);
        return true;
    }
}
