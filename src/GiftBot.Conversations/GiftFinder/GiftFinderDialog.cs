using GiftBot.Conversations.Interruptions;
using GiftBot.Conversations.Understanding;
using GiftBot.Dialogs;
using GiftBot.Dialogs.Prompts;
using GiftBot.Language;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>
/// Ralph-style gift finder: who is it for, how old, what do they love, what budget; each question skipped when the
/// answer is already known; then a carousel of products. Refinements and corrections re-enter it with a
/// <see cref="GiftFinderStart"/>; the search itself lives in ConversationState (<see cref="GiftSearch"/>).
/// </summary>
public sealed partial class GiftFinderDialog : InterruptibleDialog
{
    private const string Steps = "GiftFinderSteps";
    private const string RecipientPrompt = nameof(RecipientPrompt);
    private const string AgePrompt = nameof(AgePrompt);
    private const string InterestsPrompt = nameof(InterestsPrompt);
    private const string BudgetPrompt = nameof(BudgetPrompt);

    private readonly GiftFinderServices _services;

    public GiftFinderDialog(GiftFinderServices services, TurnUnderstanding understanding, IEnumerable<IInterruptionHandler> handlers)
        : base(nameof(GiftFinderDialog), understanding, handlers)
    {
        _services = services;
        AddDialog(new WaterfallDialog(Steps, [RecipientStepAsync, AgeStepAsync, InterestsStepAsync, BudgetStepAsync, WhichChildStepAsync, RecommendStepAsync]));
        AddDialog(new TextPrompt(RecipientPrompt, services.Validators.RecipientAsync));
        AddDialog(new TextPrompt(AgePrompt, services.Validators.AgeAsync));
        AddDialog(new TextPrompt(InterestsPrompt, services.Validators.InterestsAsync));
        AddDialog(new TextPrompt(BudgetPrompt, services.Validators.BudgetAsync));
        InitialDialogId = Steps;
    }

    protected override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken = default) =>
        await StartAsync(innerDc, options as GiftFinderStart ?? GiftFinderStart.New(), cancellationToken);

    private async Task<DialogTurnResult> StartAsync(DialogContext innerDc, GiftFinderStart start, CancellationToken cancellationToken)
    {
        var search = !start.Fresh ? await _services.Searches.GetAsync(innerDc.Context, cancellationToken)
            : start.KeepsLimits ? (await _services.Searches.GetAsync(innerDc.Context, cancellationToken)).LimitsOnly(start.Slots?.ImpliedAge) : new GiftSearch();
        await _services.Searches.SetAsync(innerDc.Context, search, cancellationToken);
        if (!await _services.Starter.ApplyAsync(innerDc.Context, search, start, cancellationToken))
            return new DialogTurnResult(DialogTurnStatus.Complete);
        return await innerDc.BeginDialogAsync(Steps, null, cancellationToken);
    }

    private async Task<DialogTurnResult> RecipientStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var search = await SearchAsync(step.Context, cancellationToken);
        return !Asks(GiftSlot.Recipient, search)
            ? await step.NextAsync(null, cancellationToken)
            : await AskAsync(step, search, GiftSlot.Recipient, RecipientPrompt, _services.Prompts.Recipient(step.Context), cancellationToken);
    }

    private async Task<DialogTurnResult> AgeStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var search = await RecordAnswerAsync(step, GiftSlot.Recipient, cancellationToken);
        return search.HasAge
            ? await step.NextAsync(null, cancellationToken)
            : await AskAsync(step, search, GiftSlot.Age, AgePrompt, _services.Prompts.Age(step.Context, search), cancellationToken);
    }

    private async Task<DialogTurnResult> InterestsStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var search = await RecordAnswerAsync(step, GiftSlot.Age, cancellationToken);
        if (!search.HasInterests && search.AgeMax < _services.Options.Value.AskInterestsFromAge) search.InterestsOpen = true;
        return search.HasInterests
            ? await step.NextAsync(null, cancellationToken)
            : await AskAsync(step, search, GiftSlot.Interests, InterestsPrompt, await _services.Prompts.InterestsAsync(step.Context, search, cancellationToken), cancellationToken);
    }

    private async Task<DialogTurnResult> BudgetStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var search = await RecordAnswerAsync(step, GiftSlot.Interests, cancellationToken);
        return search.HasBudget
            ? await step.NextAsync(null, cancellationToken)
            : await AskAsync(step, search, GiftSlot.Budget, BudgetPrompt, _services.Prompts.Budget(step.Context), cancellationToken);
    }

    private async Task<DialogTurnResult> WhichChildStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var search = await RecordAnswerAsync(step, GiftSlot.Budget, cancellationToken);
        if (!await _services.Presenter.NothingFitsEveryChildAsync(search, cancellationToken)) return await step.NextAsync(null, cancellationToken);
        if (search.GiftCount == 1)
            return await AskAsync(step, search, GiftSlot.Age, AgePrompt, await _services.Prompts.WhichChildAsync(step.Context, search, cancellationToken), cancellationToken);
        // "7 and 9, 30 each": a gift for each child, so no need to ask whose comes first; the shopper asks for the other after.
        var first = await _services.Presenter.FirstChildAgeAsync(search, cancellationToken);
        await step.Context.SendActivityAsync(await _services.Prompts.OneChildFirstAsync(step.Context, search, first, cancellationToken), cancellationToken);
        (search.AgeMin, search.AgeMax) = (first, first);
        return await step.NextAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> RecommendStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        // The answer to "which one is this gift for?" is an age.
        var search = await RecordAnswerAsync(step, GiftSlot.Age, cancellationToken);
        await _services.Presenter.PresentAsync(step.Context, search, cancellationToken);
        await _services.Memory.RememberAsync(step.Context, search, cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    private static async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, GiftSearch search, GiftSlot slot, string promptId, PromptOptions prompt, CancellationToken cancellationToken)
    {
        search.PendingSlot = slot.ToString();
        return await step.PromptAsync(promptId, prompt, cancellationToken);
    }

    // The step after a question receives the answer's text; a skipped question passes null.
    private async Task<GiftSearch> RecordAnswerAsync(WaterfallStepContext step, GiftSlot slot, CancellationToken cancellationToken)
    {
        var search = await SearchAsync(step.Context, cancellationToken);
        if (step.Result is not string answer) return search;
        // A change to an earlier answer made on the way ("actually she's 10, and 30 max" to the budget question) is said
        // back before what follows, as it is when the message only corrects.
        if (step.Context.TurnState.Get<MergeResult>(MergedKey) is { Replaced: true } merged)
            await _services.Corrections.SendAsync(step.Context, search, merged, cancellationToken);
        await _services.Answers.ApplyAsync(step.Context, search, slot, answer, cancellationToken);
        return search;
    }

    private Task<GiftSearch> SearchAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _services.Searches.GetAsync(turnContext, cancellationToken);

    /// <summary>Whether the question for a slot is (still) to be asked with what the search knows.</summary>
    private bool Asks(GiftSlot slot, GiftSearch search) => slot switch
    {
        // "a 4 year old who loves trucks, under 25" already says enough: who it is only changes the wording.
        GiftSlot.Recipient => search.Recipient is null && search.AgeMin is null && !(search.HasInterests && search.HasBudget),
        GiftSlot.Age => !search.HasAge,
        GiftSlot.Interests => !search.HasInterests && !(search.AgeMax < _services.Options.Value.AskInterestsFromAge),
        GiftSlot.Budget => !search.HasBudget,
        _ => false,
    };

    private static GiftSlot? SlotOf(string? dialogId) => dialogId switch
    {
        RecipientPrompt => GiftSlot.Recipient,
        AgePrompt => GiftSlot.Age,
        InterestsPrompt => GiftSlot.Interests,
        BudgetPrompt => GiftSlot.Budget,
        _ => null,
    };
}
