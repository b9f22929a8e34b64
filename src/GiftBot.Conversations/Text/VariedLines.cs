using GiftBot.Conversations.State;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Text;

/// <summary>
/// Lines a shopper may hear several times in one conversation ("Sorry, I didn't quite get that"): each time the next
/// variant of the content key, in the order the content lists them, so the same words never come twice in a row.
/// </summary>
public sealed class VariedLines(BotVoice voice, BotAccessors accessors)
{
    public async Task<string> NextAsync(ITurnContext turnContext, string key, CancellationToken cancellationToken)
    {
        var data = await accessors.ConversationData.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        data.LinesSaid.TryGetValue(key, out var said);
        data.LinesSaid[key] = said + 1;
        await accessors.ConversationData.SetAsync(turnContext, data, cancellationToken);
        return voice.Variant(turnContext, key, said);
    }
}
