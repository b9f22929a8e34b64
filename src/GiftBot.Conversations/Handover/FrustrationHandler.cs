using GiftBot.Conversations.Interruptions;
using GiftBot.Conversations.State;
using GiftBot.Conversations.Text;
using GiftBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Handover;

/// <summary>
/// "You're useless", "this isn't working": a shopper annoyed with the bot gets an apology and the offer of a person
/// (the team sees them tagged in the inbox), not "you're welcome" or "I didn't get that". A message that also says who
/// the gift is for, their age or budget ("useless, she's 7!") is a correction and goes to the gift finder.
/// </summary>
public sealed class FrustrationHandler(BotVoice voice) : IInterruptionHandler
{
    public const string ApologyKey = "persona.frustrated";

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        if (command is not null || understanding.Intent != GiftIntents.Frustrated || SaysWhoOrWhat(understanding)) return false;
        TurnFacts.Of(turnContext).Intent = GiftIntents.Frustrated;
        // Buttons on the message, not quick replies: inside the gift finder its question follows, and Messenger shows only
        // the last message's quick replies, so "Talk to a person" would be gone before it was read.
        var apology = new HeroCard(text: voice.Line(turnContext, ApologyKey), buttons:
        [
            QuickReplies.Command(voice.Line(turnContext, CommonText.TalkToHuman), Payloads.TalkToHuman).Action,
            QuickReplies.Command(voice.Line(turnContext, CommonText.FindGift), Payloads.FindGift).Action,
        ]);
        await turnContext.SendActivityAsync(MessageFactory.Attachment(apology.ToAttachment()), cancellationToken);
        return true;
    }

    // Age, budget or recipient are never words of annoyance; a theme may be ("a load of rubbish" reads as games).
    private static bool SaysWhoOrWhat(ShopperUnderstanding understanding) =>
        understanding.Age is not null || understanding.Budget is not null || understanding.Recipient is not null;
}
