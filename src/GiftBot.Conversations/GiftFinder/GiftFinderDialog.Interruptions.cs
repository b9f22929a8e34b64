using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using GiftBot.Dialogs;
using GiftBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>How the gift finder reacts to messages that are not a plain answer to its current question.</summary>
public sealed partial class GiftFinderDialog
{
    private const string MergedKey = "GiftBot.GiftFinder.Merged";

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
    {
        var activity = innerDc.Context.Activity;
        if (activity.Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(activity.Text) && !Payloads.TryParse(activity.Text, out _) && SharedLinks.Of(activity) is null)
        {
            // Other slots in the message fill the search too ("he's 8 and loves dinosaurs" to the age question).
            var understanding = await Understanding.GetAsync(innerDc.Context, cancellationToken);
            var search = await SearchAsync(innerDc.Context, cancellationToken);
            var asked = SlotOf(innerDc.ActiveDialog?.Id);
            // "40" to "what does she love?" with her age known and no budget yet: the amount, as at its own question (a lone
            // number there was "I didn't catch an interest I know").
            if (asked == GiftSlot.Interests && search.HasAge && !search.HasBudget && understanding is { Budget: null, Age: null }
                && _services.Reader.ReadBareAmount(innerDc.Context, activity.Text) is { } amount)
                understanding = understanding with { Budget = amount };
            var merged = _services.Merger.Merge(search, understanding, asked);
            innerDc.Context.TurnState[MergedKey] = merged;
            // A budget given at another question is read as it would be at its own: say a conversion or per-gift split.
            if (merged.Budget is { } budget) await _services.Answers.SendBudgetNotesAsync(innerDc.Context, search, budget, cancellationToken);
        }
        return await base.OnContinueDialogAsync(innerDc, cancellationToken);
    }

    protected override async Task<bool> AnswersCurrentQuestionAsync(DialogContext innerDc, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        var text = innerDc.Context.Activity.Text;
        var reader = _services.Reader;
        return SlotOf(innerDc.ActiveDialog?.Id) switch
        {
            GiftSlot.Recipient => reader.ReadRecipient(innerDc.Context, text, understanding).Kind == AnswerKind.Given,
            GiftSlot.Age => reader.ReadAge(innerDc.Context, text, understanding).Kind != AnswerKind.Missing,
            GiftSlot.Interests => (await reader.ReadInterestsAsync(innerDc.Context, text, understanding, cancellationToken)).Kind != AnswerKind.Missing,
            GiftSlot.Budget => reader.ReadBudget(innerDc.Context, text, understanding).Kind != AnswerKind.Missing,
            _ => false,
        };
    }

    // At an open question "cards" or "she's into trading cards" is what the recipient loves; "can I pay by card" is the FAQ.
    protected override bool AsksAQuestion(ITurnContext turnContext) =>
        AnswerWords.AsksAQuestion(turnContext.Activity.Text, _services.Voice.List(turnContext, CommonText.QuestionOpeners));

    protected override Task OnHelpAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
        SayAsync(innerDc.Context, GiftFinderText.Help, cancellationToken);

    protected override Task OnPraiseAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
        SayAsync(innerDc.Context, GiftFinderText.Praised, cancellationToken);

    protected override async Task OnCancelAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        await _services.Searches.SetAsync(innerDc.Context, new GiftSearch(), cancellationToken);
        await SayAsync(innerDc.Context, GiftFinderText.Cancelled, cancellationToken);
    }

    protected override async Task OnGoodbyeAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        await _services.Searches.SetAsync(innerDc.Context, new GiftSearch(), cancellationToken);
        await SayAsync(innerDc.Context, CommonText.Goodbye, cancellationToken);
    }

    protected override async Task<DialogTurnResult> OnStartOverAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        await SayAsync(innerDc.Context, GiftFinderText.StartingOver, cancellationToken);
        return await RestartAsync(innerDc, GiftFinderStart.New(), cancellationToken);
    }

    protected override async Task<DialogTurnResult?> OnOtherMessageAsync(DialogContext innerDc, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        if (command is not null)
        {
            var start = await GiftFinderStart.ForCommandAsync(innerDc.Context, command, _services.Memory, cancellationToken);
            return start is null ? null : await RestartAsync(innerDc, start, cancellationToken);
        }
        if (innerDc.Context.TurnState.Get<MergeResult>(MergedKey) is { Any: true } merged)
        {
            // Walk the questions again: known answers skip themselves, and one a correction cleared is asked again.
            // "Updated" only when something said before changed; news given at another question is "noted" only when
            // that question is asked again: when the news makes it unneeded ("he's 7, loves dinosaurs, 30 max" to "who
            // is it for?"), the message was the answer, and the next question or the carousel follows without remark.
            if (merged.Replaced)
                await _services.Corrections.SendAsync(innerDc.Context, await SearchAsync(innerDc.Context, cancellationToken), merged, cancellationToken);
            else if (SlotOf(innerDc.ActiveDialog?.Id) is { } asked && Asks(asked, await SearchAsync(innerDc.Context, cancellationToken)))
                await SayAsync(innerDc.Context, GiftFinderText.Noted, cancellationToken);
            return await RestartAsync(innerDc, new GiftFinderStart(), cancellationToken);
        }
        // What the search has, said again ("actually she's 7" when she is 7, "it's for my niece" again): nothing to update,
        // nor a reason to start again or drop the interests, whatever intent the words suggest: the open question stands.
        if (understanding.Intent is GiftIntents.ChangeRecipient or GiftIntents.ChangeInterests && RestatesSlots(understanding))
            return await RestartAsync(innerDc, new GiftFinderStart(), cancellationToken);
        return understanding.Intent switch
        {
            GiftIntents.ChangeInterests => await RestartAsync(innerDc, GiftFinderStart.Refine(Refinement.DifferentInterests), cancellationToken),
            GiftIntents.ChangeRecipient => await RestartAsync(innerDc, GiftFinderStart.New(), cancellationToken),
            _ => null,
        };
    }

    private static bool RestatesSlots(ShopperUnderstanding understanding) =>
        understanding is { Recipient: not null } or { Age: not null } or { Budget: not null } or { Interests.Count: > 0 } or { ExcludedInterests.Count: > 0 };

    private async Task<DialogTurnResult> RestartAsync(DialogContext innerDc, GiftFinderStart start, CancellationToken cancellationToken)
    {
        await innerDc.CancelAllDialogsAsync(cancellationToken);
        return await StartAsync(innerDc, start, cancellationToken);
    }

    private Task SayAsync(ITurnContext turnContext, string key, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text(_services.Voice.Line(turnContext, key)), cancellationToken);
}
