using GiftBot.Conversations.Main;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using GiftBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Handover;

/// <summary>
/// A request for a person waits for a team that is away. A message that asks the bot for nothing ("hello?", "anyone
/// there?", "ok", "this is taking forever") is about that request, so it is answered in the handover's terms (the team has it and answers when back,
/// the bot can help meanwhile) instead of starting the bot over as if it were the shopper's first word; so is "never mind,
/// I'll wait" (main.waitForPersonAnswers). "Back to the bot" (button or typed) or a bare "forget it" withdraws the request
/// and starts the gift finder; anything the bot understands is answered as usual.
/// </summary>
public sealed class PendingHandover(TurnUnderstanding understanding, BotVoice voice)
{
    public const string PendingKey = "persona.handoverPending";
    public const string BackToBotKey = "persona.backToBot";
    public const string BackToBotButton = "main.quickReplies.backToBot";
    // Typed ways of saying "back to the bot", matched whole like a button's title.
    public const string BackToBotAnswers = "main.backToBotAnswers";
    // Words saying the shopper will wait for the team ("never mind, I'll wait", "no rush"), matched inside the message.
    public const string WaitAnswers = "main.waitForPersonAnswers";

    /// <summary>
    /// True when the shopper asked to go back to the bot (button or typed), or cancels without saying they will wait:
    /// "forget it" while a request waits can only mean the request ("There's nothing to cancel" had been said).
    /// </summary>
    public async Task<bool> AsksForBotAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        if (Payloads.Is(text, Payloads.BackToBot)
            || AnswerWords.IsExactly(text, [.. voice.List(turnContext, BackToBotAnswers), voice.Line(turnContext, BackToBotButton)]))
            return true;
        if (turnContext.Activity.Type != ActivityTypes.Message || Payloads.TryParse(text, out _) || SaysTheyWillWait(turnContext)) return false;
        var understood = await understanding.GetAsync(turnContext, cancellationToken);
        return understood.Intent == GiftIntents.Cancel && !understood.HasGiftSlots;
    }

    // A question that mentions waiting ("how long do I wait for delivery?") is still a question for the bot.
    private bool SaysTheyWillWait(ITurnContext turnContext) =>
        AnswerWords.Matches(turnContext.Activity.Text, voice.List(turnContext, WaitAnswers))
        && !AnswerWords.AsksAQuestion(turnContext.Activity.Text, voice.List(turnContext, CommonText.QuestionOpeners));

    /// <summary>True when the message asks the bot for nothing it understands, so it can only be about the waiting request.</summary>
    public async Task<bool> IsAboutTheRequestAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message || Payloads.TryParse(activity.Text, out _)) return false;
        if (activity.Attachments is { Count: > 0 }) return false;
        // "yes" / "no" answer the bot's own question.
        if (AnswerWords.IsExactly(activity.Text, [.. voice.List(turnContext, CommonText.YesAnswers), .. voice.List(turnContext, CommonText.NoAnswers)])) return false;
        var understood = await understanding.GetAsync(turnContext, cancellationToken);
        // "never mind, I'll wait" keeps the request (it had been read as cancelling: "There's nothing to cancel right now").
        if (SaysTheyWillWait(turnContext) && !understood.HasGiftSlots) return true;
        // "this is taking forever, useless" while the request waits is about the wait: not another offer of a person.
        return !understood.HasGiftSlots && understood.Intent is GiftIntents.Greeting or GiftIntents.None or ConversationIntents.SmallTalk or GiftIntents.Frustrated;
    }

    /// <summary>The team has the request and answers when back; the shopper may go back to the bot.</summary>
    public Task SayPendingAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(QuickReplies.Message(turnContext, voice.Line(turnContext, PendingKey),
        [
            QuickReplies.Command(voice.Line(turnContext, BackToBotButton), Payloads.BackToBot),
            QuickReplies.Command(voice.Line(turnContext, CommonText.FindGift), Payloads.FindGift),
        ]), cancellationToken);

    /// <summary>The request is withdrawn: says so, and the turn goes on as "find a gift".</summary>
    public async Task BackToBotAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await turnContext.SendActivityAsync(MessageFactory.Text(voice.Line(turnContext, BackToBotKey)), cancellationToken);
        turnContext.Activity.Text = Payloads.FindGift;
    }
}
