using GiftBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;

namespace GiftBot.Dialogs.Tests.Support;

/// <summary>
/// A small component in the style of the samples: a waterfall asking a name, an age (validated) and a
/// confirmation, with help and cancel interruptions handled once in OnContinueDialogAsync.
/// </summary>
public sealed class GiftQuestionsDialog : ComponentDialog
{
    public GiftQuestionsDialog()
        : base(nameof(GiftQuestionsDialog))
    {
        AddDialog(new WaterfallDialog("questions", [NameStepAsync, AgeStepAsync, ConfirmStepAsync, FinalStepAsync]));
        AddDialog(new TextPrompt("name"));
        AddDialog(new NumberPrompt<int>("age", AgeValidatorAsync));
        AddDialog(new ConfirmPrompt("confirm"));
    }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
    {
        switch (innerDc.Context.Activity.Text?.Trim().ToLowerInvariant())
        {
            case "help":
                await innerDc.Context.SendActivityAsync("help text", cancellationToken: cancellationToken);
                await innerDc.RepromptDialogAsync(cancellationToken);
                return EndOfTurn;
            case "cancel":
                return await innerDc.CancelAllDialogsAsync(cancellationToken);
            case "quit":
                return await innerDc.CancelAllDialogsAsync(true, cancellationToken);
            default:
                return await base.OnContinueDialogAsync(innerDc, cancellationToken);
        }
    }

    private static Task<bool> AgeValidatorAsync(PromptValidatorContext<int> prompt, CancellationToken cancellationToken)
        => Task.FromResult(prompt.Recognized.Succeeded && prompt.Recognized.Value is >= 0 and <= 120);

    private static Task<DialogTurnResult> NameStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
        => step.PromptAsync("name", new PromptOptions { Prompt = MessageFactory.Text("name?") }, cancellationToken);

    private static Task<DialogTurnResult> AgeStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.Values["name"] = step.Result;
        return step.PromptAsync(
            "age",
            new PromptOptions { Prompt = MessageFactory.Text("age?"), RetryPrompt = MessageFactory.Text("age between 0 and 120?") },
            cancellationToken);
    }

    private static Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.Values["age"] = step.Result;
        return step.PromptAsync("confirm", new PromptOptions { Prompt = MessageFactory.Text("sure?") }, cancellationToken);
    }

    private static Task<DialogTurnResult> FinalStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var summary = step.Result is true ? $"{step.GetValue<string>("name")} is {step.GetValue<int>("age")}" : "not confirmed";
        return step.EndDialogAsync(summary, cancellationToken);
    }
}
