using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using GiftBot.Dialogs;
using GiftBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Interruptions;

/// <summary>
/// Base of dialogs that can be interrupted at any step (CoreBot's CancelAndHelpDialog): help explains and asks the
/// current question again, cancel and goodbye end the whole conversation flow, start over begins again, and the
/// registered <see cref="IInterruptionHandler"/>s (basket, talk to a person, FAQ) answer and resume.
/// A plain answer to the current question always wins over an intent: "no idea" to "how old?" is an answer, not "cancel".
/// </summary>
public abstract class InterruptibleDialog : ComponentDialog
{
    private readonly IReadOnlyList<IInterruptionHandler> _handlers;

    protected InterruptibleDialog(string dialogId, TurnUnderstanding understanding, IEnumerable<IInterruptionHandler> handlers)
        : base(dialogId)
    {
        Understanding = understanding;
        _handlers = handlers.ToList();
    }

    /// <summary>The turn's recognised intent and slots (recognised once per turn).</summary>
    protected TurnUnderstanding Understanding { get; }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
    {
        // Attachments without words are read too: a shared link is answered like any interruption (pictures fall through).
        var activity = innerDc.Context.Activity;
        if (activity.Type == ActivityTypes.Message && (!string.IsNullOrWhiteSpace(activity.Text) || activity.Attachments is { Count: > 0 }))
        {
            var understanding = await Understanding.GetAsync(innerDc.Context, cancellationToken);
            var interrupted = await InterruptAsync(innerDc, understanding, cancellationToken);
            if (interrupted is not null) return interrupted;
        }
        return await base.OnContinueDialogAsync(innerDc, cancellationToken);
    }

    private async Task<DialogTurnResult?> InterruptAsync(DialogContext innerDc, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        Payloads.TryParse(innerDc.Context.Activity.Text, out var command);
        // A question to the shop is answered even where its words could pass for an answer ("when are you open?" to "what do they love?").
        // A link or an attachment alone answers no question: the handlers say what it is.
        // A button this bot does not have ("SHOW_DEALS:XMAS24") answers nothing either, whatever numbers it holds, nor
        // does a pasted email, whatever words it holds.
        var answerable = !string.IsNullOrWhiteSpace(innerDc.Context.Activity.Text) && SharedLinks.Of(innerDc.Context.Activity) is null
            && !Payloads.LooksLikeButton(innerDc.Context.Activity.Text, out _) && !TurnUnderstanding.IsTooLong(innerDc.Context.Activity.Text);
        if (command is null && answerable && (understanding.Intent != GiftIntents.Faq || !AsksAQuestion(innerDc.Context))
            && await AnswersCurrentQuestionAsync(innerDc, understanding, cancellationToken)) return null;

        switch (command?.Name ?? understanding.Intent)
        {
            case Payloads.Help or GiftIntents.Help:
                await OnHelpAsync(innerDc, cancellationToken);
                return await ResumeAsync(innerDc, cancellationToken);
            case Payloads.GetStarted:
                // Get Started right after a referral must not restart what the referral began: just ask again.
                return await ResumeAsync(innerDc, cancellationToken);
            case GiftIntents.Cancel:
                await OnCancelAsync(innerDc, cancellationToken);
                return await innerDc.CancelAllDialogsAsync(true, cancellationToken);
            case GiftIntents.Goodbye:
                await OnGoodbyeAsync(innerDc, cancellationToken);
                return await innerDc.CancelAllDialogsAsync(true, cancellationToken);
            case Payloads.StartOver or GiftIntents.StartOver:
                return await OnStartOverAsync(innerDc, cancellationToken);
            // "great bot" while a question waits: praise is no answer (it was read as the robots interest); the question follows.
            case GiftIntents.Thanks when !understanding.HasGiftSlots:
                await OnPraiseAsync(innerDc, cancellationToken);
                return await ResumeAsync(innerDc, cancellationToken);
        }

        foreach (var handler in _handlers)
            if (await handler.TryHandleAsync(innerDc.Context, command, understanding, cancellationToken))
                return await ResumeAsync(innerDc, cancellationToken);

        return await OnOtherMessageAsync(innerDc, command, understanding, cancellationToken);
    }

    /// <summary>Asks the current question again and keeps waiting.</summary>
    protected static async Task<DialogTurnResult> ResumeAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        await innerDc.RepromptDialogAsync(cancellationToken);
        return EndOfTurn;
    }

    /// <summary>
    /// True when the message is put as a question (then a question to the shop wins over an answer its words could make:
    /// "which cards do you accept?" to "what do they love?"); a statement such as "cards" is then read as the answer.
    /// </summary>
    protected virtual bool AsksAQuestion(ITurnContext turnContext) => true;

    /// <summary>True when the message answers the question being asked (then no intent interrupts it).</summary>
    protected abstract Task<bool> AnswersCurrentQuestionAsync(DialogContext innerDc, ShopperUnderstanding understanding, CancellationToken cancellationToken);

    protected abstract Task OnHelpAsync(DialogContext innerDc, CancellationToken cancellationToken);

    /// <summary>Thanks or praise while a question waits: said before the question is asked again.</summary>
    protected abstract Task OnPraiseAsync(DialogContext innerDc, CancellationToken cancellationToken);

    protected abstract Task OnCancelAsync(DialogContext innerDc, CancellationToken cancellationToken);

    protected abstract Task OnGoodbyeAsync(DialogContext innerDc, CancellationToken cancellationToken);

    protected abstract Task<DialogTurnResult> OnStartOverAsync(DialogContext innerDc, CancellationToken cancellationToken);

    /// <summary>Any other command or message: return a result to handle it, or null to let the current question take it.</summary>
    protected virtual Task<DialogTurnResult?> OnOtherMessageAsync(DialogContext innerDc, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken) =>
        Task.FromResult<DialogTurnResult?>(null);
}
