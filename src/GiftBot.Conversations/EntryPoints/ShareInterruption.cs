using GiftBot.Conversations.Funnel;
using GiftBot.Conversations.Interruptions;
using GiftBot.Conversations.Sharing;
using GiftBot.Conversations.State;
using GiftBot.Conversations.Text;
using GiftBot.Language;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.EntryPoints;

/// <summary>
/// SHARE ("share with a friend"): answers with an m.me link whose ref carries an opaque code for the sharer and the
/// products they were looking at, or explains politely when no Page name is configured (the carousel then does not offer it).
/// </summary>
public sealed class ShareInterruption(ShareTokens tokens, ShareLinks links, ShownProducts shown, BotVoice voice, FunnelRecorder funnel) : IInterruptionHandler
{
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        if (command?.Name != Payloads.Share) return false;
        var activity = turnContext.Activity;
        // Only a stale or typed SHARE gets here without a Page name: the carousel offers sharing only when it works.
        if (!links.Available || activity.From?.Id is not { Length: > 0 } userId)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(voice.Line(turnContext, EntryText.ShareUnavailable)), cancellationToken);
            return true;
        }
        // The link carries the carousel the shopper was looking at: the friend opens it onto the same ideas.
        var products = await shown.LastAsync(turnContext, cancellationToken);
        var token = await tokens.GetOrCreateAsync(activity.ChannelId ?? "unknown", userId, cancellationToken, products);
        var link = links.LinkFor(token);
        await turnContext.SendActivityAsync(MessageFactory.Text(voice.Line(turnContext, EntryText.ShareLink, "link", link)), cancellationToken);
        await funnel.RecordAsync(turnContext, EntryFunnelKinds.ShareCreated, new Dictionary<string, string> { ["sharer"] = token }, cancellationToken);
        return true;
    }
}
