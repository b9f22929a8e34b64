using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Pipeline;
using GiftBot.Conversations.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Main;

/// <summary>
/// Welcomes the shopper (the persona introduces itself) when they join a conversation (Emulator, Web Chat) or tap Get
/// Started (Messenger); a shopper the bot has looked for gifts with before is welcomed back. The dialog then starts shopping.
/// </summary>
public sealed class WelcomeStage(BotVoice voice, RecipientMemory memory) : ITurnStage
{
    public async Task<TurnFlow> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (ShopperJoined(activity) || (activity.Type == ActivityTypes.Message && Payloads.Is(activity.Text, Payloads.GetStarted)))
        {
            var returning = await memory.LatestAsync(turnContext, cancellationToken) is not null && voice.Has(turnContext, CommonText.WelcomeBack);
            await turnContext.SendActivityAsync(MessageFactory.Text(voice.Line(turnContext, returning ? CommonText.WelcomeBack : CommonText.Welcome)), cancellationToken);
        }
        return TurnFlow.Continue;
    }

    /// <summary>Someone other than the bot joined (one welcome per conversation, whoever else joins with the shopper).</summary>
    public static bool ShopperJoined(IActivity activity) =>
        activity.Type == ActivityTypes.ConversationUpdate && activity.AsConversationUpdateActivity().MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true;
}
