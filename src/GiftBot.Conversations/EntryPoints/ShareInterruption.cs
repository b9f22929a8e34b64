using GiftBot.Content.EntryPoints;
using GiftBot.Conversations.Funnel;
using GiftBot.Conversations.Interruptions;
using GiftBot.Conversations.Text;
using GiftBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.EntryPoints;

/// <summary>
/// SHARE ("share with a friend"): answers with an m.me link whose ref carries the sharer's opaque code, or explains
/// politely when no Messenger Page name is configured (Emulator, Web Chat without a Page).
/// </summary>
public sealed class ShareInterruption(ShareTokens tokens, BotVoice voice, FunnelRecorder funnel, IOptions<EntryPointsOptions> options) : IInterruptionHandler
{
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        if (command?.Name != Payloads.Share) return false;
        var activity = turnContext.Activity;
        var pageName = options.Value.PageName;
        if (string.IsNullOrWhiteSpace(pageName) || activity.From?.Id is not { Length: > 0 } userId)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(voice.Line(turnContext, EntryText.ShareUnavailable)), cancellationToken);
            return true;
        }
        var token = await tokens.GetOrCreateAsync(activity.ChannelId ?? "unknown", userId, cancellationToken);
        var link = ShareLink(pageName, token);
        await turnContext.SendActivityAsync(MessageFactory.Text(voice.Line(turnContext, EntryText.ShareLink, "link", link)), cancellationToken);
        await funnel.RecordAsync(turnContext, EntryFunnelKinds.ShareCreated, new Dictionary<string, string> { ["sharer"] = token }, cancellationToken);
        return true;
    }

    public static string ShareLink(string pageName, string token) => $"https://m.me/{pageName}?ref={ShareRef.Create(token)}";
}
