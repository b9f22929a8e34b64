using GiftBot.Content;
using GiftBot.Content.EntryPoints;
using GiftBot.Conversations.Funnel;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Text;
using GiftBot.Dialogs;
using GiftBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.EntryPoints;

/// <summary>
/// Begins what an entry asked for: a preset (gift finder pre-filled, or an FAQ answer), a friend's share link, an ad's
/// product or theme, or the normal welcome for a ref nobody knows. Says so first, in the content's words.
/// </summary>
public sealed class EntryFlows(
    EntryPresets presets, ShareTokens shares, AdContext ads, BotVoice voice, IBotText text, FunnelRecorder funnel, RecommendationPresenter presenter,
    ILogger<EntryFlows> logger, BotTokens? tokens = null)
{
    public async Task<DialogTurnResult> BeginAsync(DialogContext dc, JObject referral, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var reference = referral.Value<string>("ref");
        var source = referral.Value<string>("source") ?? "UNKNOWN";
        await funnel.RecordAsync(turn, EntryFunnelKinds.Referral, new Dictionary<string, string> { ["source"] = source, ["ref"] = reference ?? "" }, cancellationToken);

        if (ShareRef.TryParse(reference, out var token)) return await FriendArrivedAsync(dc, token, cancellationToken);
        if (presets.Find(reference) is { } preset) return await BeginPresetAsync(dc, preset, cancellationToken);
        if (referral["ads_context_data"] is JObject context && await ads.BeginAsync(dc, context, cancellationToken) is { } start)
            return await FindGiftAsync(dc, start, cancellationToken);

        if (!string.IsNullOrEmpty(reference)) logger.LogInformation("Unknown entry ref {Ref} from {Source}; normal welcome", reference, source);
        await SayAsync(turn, CommonText.Welcome, cancellationToken);
        return await FindGiftAsync(dc, GiftFinderStart.New(), cancellationToken);
    }

    public async Task<DialogTurnResult> BeginPresetAsync(DialogContext dc, EntryPreset preset, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var welcome = preset.WelcomeText(null, BotVoice.LocaleOf(turn));
        if (preset.WelcomeKey is { } key && voice.Has(turn, key)) welcome = voice.Line(turn, key);
        if (!string.IsNullOrWhiteSpace(welcome)) await turn.SendActivityAsync(MessageFactory.Text(welcome), cancellationToken);

        if (preset.GiftFinder is { } finder) return await FindGiftAsync(dc, GiftFinderStart.New(SlotsOf(finder)), cancellationToken);
        await AnswerFaqAsync(turn, preset.FaqTopic!, cancellationToken);
        return await EndAsync(dc, cancellationToken);
    }

    private async Task<DialogTurnResult> FriendArrivedAsync(DialogContext dc, string token, CancellationToken cancellationToken)
    {
        var sharer = await shares.ResolveAsync(token, cancellationToken);
        // The token, not the sharer's id, goes into the funnel: it is what the link carried and is not personal data.
        await funnel.RecordAsync(dc.Context, EntryFunnelKinds.ShareArrival,
            new Dictionary<string, string> { ["sharer"] = token, ["known"] = (sharer is not null).ToString() }, cancellationToken);
        if (sharer is null) logger.LogInformation("Share link with a code this bot did not issue; normal gift finder");
        // The friend sees the ideas the sharer was looking at (those still sold), then can look for their own gift.
        if (sharer is { ProductIds.Count: > 0 })
        {
            await SayAsync(dc.Context, EntryText.SharedProducts, cancellationToken);
            if ((await presenter.ShowProductsAsync(dc.Context, sharer.ProductIds, cancellationToken)).Count > 0)
                return await FindGiftAsync(dc, GiftFinderStart.New(), cancellationToken);
        }
        await SayAsync(dc.Context, EntryText.SharedArrival, cancellationToken);
        return await FindGiftAsync(dc, GiftFinderStart.New(), cancellationToken);
    }

    private async Task AnswerFaqAsync(ITurnContext turn, string topic, CancellationToken cancellationToken)
    {
        var faq = presets.Faq;
        var entry = faq?.Find(topic);
        var answer = entry is null ? null : faq!.AnswerFor(entry, text, BotVoice.LocaleOf(turn), tokens?.ForPage(BotVoice.LocaleOf(turn) ?? faq.DefaultLocale));
        if (answer is null)
        {
            logger.LogWarning("Entry preset names FAQ topic {Topic}, which the FAQ does not answer", topic);
            answer = voice.Line(turn, EntryText.FaqTopicMissing);
        }
        await turn.SendActivityAsync(QuickReplies.Message(turn, answer,
            [QuickReplies.Command(voice.Line(turn, CommonText.FindGift), Payloads.FindGift), QuickReplies.Command(voice.Line(turn, CommonText.TalkToHuman), Payloads.TalkToHuman)]), cancellationToken);
    }

    private static ShopperUnderstanding SlotsOf(GiftFinderPreset finder) => new()
    {
        Intent = GiftIntents.FindGift,
        Interests = finder.Interests,
        Age = (finder.AgeMin, finder.AgeMax) switch
        {
            ({ } min, { } max) => new AgeRange(min, max) { IsBand = true },
            ({ } min, null) => new AgeRange(min, min) { IsBand = true },
            (null, { } max) => new AgeRange(0, max) { IsBand = true },
            _ => null,
        },
        Budget = finder.BudgetMax is { } budget ? new Budget(null, budget, null) : null,
        Occasion = finder.Occasion,
    };

    /// <summary>From the main waterfall's step the gift finder becomes its child; mid-dialog the old flow gives way first.</summary>
    public static async Task<DialogTurnResult> FindGiftAsync(DialogContext dc, GiftFinderStart start, CancellationToken cancellationToken)
    {
        if (dc is not WaterfallStepContext) await dc.CancelAllDialogsAsync(cancellationToken);
        return await dc.BeginDialogAsync(nameof(GiftFinderDialog), start, cancellationToken);
    }

    private static Task<DialogTurnResult> EndAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc is WaterfallStepContext step ? step.EndDialogAsync(null, cancellationToken) : dc.CancelAllDialogsAsync(cancellationToken);

    private Task SayAsync(ITurnContext turn, string key, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(MessageFactory.Text(voice.Line(turn, key)), cancellationToken);
}
