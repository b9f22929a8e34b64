using GiftBot.Conversations.ReturningShoppers;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using GiftBot.Dialogs;
using GiftBot.Language;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace GiftBot.Conversations.Main;

/// <summary>The routing table for a message that arrives while no dialog is waiting for an answer.</summary>
public sealed partial class MainDialog
{
    private async Task<DialogTurnResult> RouteMessageAsync(WaterfallStepContext step, bool rerouted, CancellationToken cancellationToken)
    {
        var turn = step.Context;
        Payloads.TryParse(turn.Activity.Text, out var command);
        var understanding = await _understanding.GetAsync(turn, cancellationToken);
        if (command is not null) return await RouteCommandAsync(step, command, understanding, cancellationToken);

        foreach (var handler in _handlers)
            if (await handler.TryHandleAsync(turn, null, understanding, cancellationToken))
                return await step.EndDialogAsync(null, cancellationToken);

        var search = await _searches.GetAsync(turn, cancellationToken);
        var inProgress = search.Recipient is not null || search.HasShownRecommendations;
        // A first "any hot wheels?" reads like a change of interests, but with nothing asked or shown yet there is nothing
        // to change: a new search that starts from it ("Got it, I've updated that." had been said to a new shopper).
        var nothingToChange = !inProgress && !search.HasAge && !search.HasInterests && !search.HasBudget;
        // "next", "now Sam", "and the other one" while someone named in the same message waits: the tap of "Now for Sam".
        if (PeopleOneAtATime.AsksForNext(turn, search, _voice))
            return await FindGiftAsync(step, GiftFinderStart.ForNextPerson(), cancellationToken);
        // Typed "more like the second one": what that card's "More like this" button does; "more like the pony one" with
        // no pony shown is said not to be there, rather than read as a new interest whose products were all shown already.
        if (await _moreLike.MoreLikeRequestedAsync(turn, cancellationToken) is { } moreLike)
        {
            if (moreLike.ProductId is { } similarTo)
                return await FindGiftAsync(step, GiftFinderStart.Refine(Refinement.MoreLikeThis, similarTo), cancellationToken);
            await _moreLike.SayNotShownAsync(turn, moreLike.UnshownName!, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        // "go back to the first ones" after "more": that carousel again, not "let's start over".
        if (!understanding.HasGiftSlots && _earlier.Asked(turn, search) && await _earlier.ShowAsync(turn, search, cancellationToken))
            return await step.EndDialogAsync(null, cancellationToken);
        // "👍" or "nice ones" after a carousel: the shopper likes the ideas, which "yes" (another gift?) would not answer.
        if (_acknowledgement.Acknowledges(turn, search))
        {
            await _acknowledgement.AnswerAsync(turn, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        // "she already has the first one": that card is left out (as every card shown is) and other ideas follow.
        if (search.HasShownRecommendations && !understanding.HasGiftSlots && await _moreLike.OwnedCardAsync(turn, cancellationToken) is { } owned)
        {
            await turn.SendActivityAsync(MessageFactory.Text(_voice.Line(turn, RecommendText.AlreadyOwned, "title", owned.Title)), cancellationToken);
            return await FindGiftAsync(step, GiftFinderStart.Refine(Refinement.ShowMore), cancellationToken);
        }
        // "not that one" after a carousel turns its cards down ("nothing to cancel" had been said): other ideas, same limits.
        if (search.HasShownRecommendations && !understanding.HasGiftSlots
            && understanding.Intent is GiftIntents.Cancel or GiftIntents.None or ConversationIntents.SmallTalk
            && AnswerWords.Matches(turn.Activity.Text, _voice.List(turn, MainText.TurnDownCards)))
            return await FindGiftAsync(step, GiftFinderStart.Refine(Refinement.ShowMore), cancellationToken);
        switch (understanding.Intent)
        {
            case GiftIntents.Help:
                return await SayAsync(step, MainText.Help, HelpChoices(turn), cancellationToken);
            case GiftIntents.Cancel:
                // Nothing runs, so nothing is thrown away either: a carousel's search stays refinable ("cheaper").
                return await SayAsync(step, MainText.NothingToCancel, [FindGiftChoice(turn)], cancellationToken);
            case GiftIntents.StartOver:
                return await StartOverAsync(step, cancellationToken);
            case GiftIntents.ShowMore:
                return await FindGiftAsync(step, GiftFinderStart.Refine(Refinement.ShowMore), cancellationToken);
            case GiftIntents.Cheaper or GiftIntents.Pricier or GiftIntents.ChangeInterests when nothingToChange && understanding.HasGiftSlots:
                return await FindGiftAsync(step, GiftFinderStart.New(understanding), cancellationToken);
            case GiftIntents.Cheaper:
                return await FindGiftAsync(step, understanding.Budget is null ? GiftFinderStart.Refine(Refinement.Cheaper) : GiftFinderStart.Correct(understanding), cancellationToken);
            case GiftIntents.Pricier:
                return await FindGiftAsync(step, understanding.Budget is null ? GiftFinderStart.Refine(Refinement.Pricier) : GiftFinderStart.Correct(understanding), cancellationToken);
            case GiftIntents.ChangeInterests:
                // "Other interests" asks again; "no books" or "she hates cooking" only takes that one away.
                return await FindGiftAsync(step, understanding.Interests.Count == 0 && understanding.ExcludedInterests.Count == 0
                    ? GiftFinderStart.Refine(Refinement.DifferentInterests) : GiftFinderStart.Correct(understanding), cancellationToken);
            // "A gift for someone else" after a carousel names nobody yet: a new search, said as starting over (the basket stays).
            case GiftIntents.ChangeRecipient or GiftIntents.FindGift when search.HasShownRecommendations && !understanding.HasGiftSlots:
                return await StartOverAsync(step, cancellationToken);
            // "a gift for a 12 year old who likes science, 30" after a carousel restates a whole request: a new search, said
            // so, not a correction of the last one ("she's 12 actually" still corrects).
            case GiftIntents.FindGift when search.HasShownRecommendations && RestatesAWholeRequest(understanding, search):
                await step.Context.SendActivityAsync(MessageFactory.Text(_voice.Line(step.Context, GiftFinderText.NewSearch)), cancellationToken);
                return await FindGiftAsync(step, GiftFinderStart.New(understanding), cancellationToken);
            case GiftIntents.ChangeRecipient or GiftIntents.FindGift:
                return await FindGiftAsync(step, StartFor(understanding, search, inProgress, SaysASwap(turn, understanding, search)), cancellationToken);
        }

        // "Ok now my sister": someone new is a search of their own, not a correction of the last person's.
        if (understanding.HasGiftSlots)
            return await FindGiftAsync(step, StartFor(understanding, search, inProgress, SaysASwap(turn, understanding, search)), cancellationToken);

        switch (understanding.Intent)
        {
            case GiftIntents.Greeting when !rerouted && await _memory.LatestAsync(turn, cancellationToken) is not null:
                await turn.SendActivityAsync(MessageFactory.Text(_voice.Line(turn, MainText.Greeting)), cancellationToken);
                return await step.BeginDialogAsync(nameof(ReturningShoppers.ReturningShopperDialog), null, cancellationToken);
            case GiftIntents.Greeting:
                return await SayAsync(step, MainText.Greeting, [FindGiftChoice(turn)], cancellationToken);
            case GiftIntents.Thanks:
                return await SayAsync(step, MainText.Thanks, [], cancellationToken);
            case GiftIntents.Goodbye:
                return await SayAsync(step, CommonText.Goodbye, [], cancellationToken);
            case ConversationIntents.SmallTalk:
                return await SayAsync(step, MainText.SmallTalk, [FindGiftChoice(turn)], cancellationToken);
        }

        // "Yes" to "Shall we find a gift?". After a carousel ("ok" is acknowledged above) "yes" offers another gift for the
        // same person instead of wiping the search, so "cheaper" or "show more" still work next.
        if (AnswerWords.IsExactly(turn.Activity.Text, _voice.List(turn, CommonText.YesAnswers)))
            return search.HasShownRecommendations && await _memory.LatestAsync(turn, cancellationToken) is not null
                ? await step.BeginDialogAsync(nameof(ReturningShoppers.ReturningShopperDialog), null, cancellationToken)
                : await FindGiftAsync(step, GiftFinderStart.New(), cancellationToken);

        await _funnel.RecordAsync(turn, FunnelEventKinds.NotUnderstood, cancellationToken);
        // A picture, voice message, file or location without words: say what works rather than "I didn't get that".
        if (string.IsNullOrWhiteSpace(turn.Activity.Text) && turn.Activity.Attachments is { Count: > 0 } attachments)
            return await SayAsync(step, GiftFinderText.NotTextFor(attachments), HelpChoices(turn), cancellationToken);
        var notUnderstood = await _varied.NextAsync(turn, CommonText.NotUnderstood, cancellationToken);
        await turn.SendActivityAsync(QuickReplies.Message(turn, notUnderstood, HelpChoices(turn)), cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>An age and what they love, for nobody named or someone other than the last search's recipient.</summary>
    private static bool RestatesAWholeRequest(ShopperUnderstanding understanding, GiftSearch search) =>
        understanding.Age is not null && understanding.Interests.Count > 0
        && (understanding.Recipient is null || !string.Equals(understanding.Recipient, search.Recipient, StringComparison.OrdinalIgnoreCase));

    /// <summary>"something for a boy instead" after a carousel: another recipient, no age, said as a swap (content
    /// giftFinder.swapWords), so the age, budget and exclusions said before still hold.</summary>
    private bool SaysASwap(ITurnContext turn, ShopperUnderstanding understanding, GiftSearch search) =>
        search.HasShownRecommendations && understanding is { Recipient: not null, Age: null }
        && AnswerWords.Matches(turn.Activity.Text, _voice.List(turn, GiftFinderText.SwapWords));

    /// <summary>A new recipient starts a new search (keeping the limits when said as a swap); more details about the same
    /// one correct the current search.</summary>
    private static GiftFinderStart StartFor(ShopperUnderstanding understanding, GiftSearch search, bool inProgress, bool swap = false)
    {
        var newRecipient = understanding.Recipient is { } r && !string.Equals(r, search.Recipient, StringComparison.OrdinalIgnoreCase);
        if (newRecipient || (understanding.Intent == GiftIntents.FindGift && understanding.Recipient is not null)) return GiftFinderStart.New(understanding) with { KeepsLimits = swap };
        if (inProgress && understanding.HasGiftSlots) return GiftFinderStart.Correct(understanding);
        return GiftFinderStart.New(understanding);
    }

    private async Task<DialogTurnResult> RouteCommandAsync(WaterfallStepContext step, PayloadCommand command, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        switch (command.Name)
        {
            case Payloads.GetStarted: return await StartShoppingAsync(step, cancellationToken);
            case Payloads.StartOver: return await StartOverAsync(step, cancellationToken);
            case Payloads.Help: return await SayAsync(step, MainText.Help, HelpChoices(step.Context), cancellationToken);
        }
        if (await GiftFinderStart.ForCommandAsync(step.Context, command, _memory, cancellationToken) is { } start)
            return await FindGiftAsync(step, start, cancellationToken);

        foreach (var handler in _handlers)
            if (await handler.TryHandleAsync(step.Context, command, understanding, cancellationToken))
                return await step.EndDialogAsync(null, cancellationToken);

        // PRESET/SHARE until their features land: an honest menu rather than silence.
        _logger.LogInformation("No handler for command {Command}", command.Name);
        return await SayAsync(step, MainText.Help, HelpChoices(step.Context), cancellationToken);
    }

    // Typed or tapped, "start over" says so before asking who the gift is for.
    private async Task<DialogTurnResult> StartOverAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await step.Context.SendActivityAsync(MessageFactory.Text(_voice.Line(step.Context, GiftFinderText.StartingOver)), cancellationToken);
        return await FindGiftAsync(step, GiftFinderStart.New(), cancellationToken);
    }

    private async Task<DialogTurnResult> SayAsync(WaterfallStepContext step, string key, IReadOnlyList<GiftBot.Dialogs.Choices.Choice> choices, CancellationToken cancellationToken)
    {
        await step.Context.SendActivityAsync(QuickReplies.Message(step.Context, _voice.Line(step.Context, key), choices), cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    private GiftBot.Dialogs.Choices.Choice FindGiftChoice(ITurnContext turn) => QuickReplies.Command(_voice.Line(turn, CommonText.FindGift), Payloads.FindGift);

    private IReadOnlyList<GiftBot.Dialogs.Choices.Choice> HelpChoices(ITurnContext turn) =>
    [
        FindGiftChoice(turn),
        QuickReplies.Command(_voice.Line(turn, CommonText.ViewBasket), Payloads.ViewBasket),
        QuickReplies.Command(_voice.Line(turn, CommonText.TalkToHuman), Payloads.TalkToHuman),
    ];
}
