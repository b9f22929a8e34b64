using GiftBot.Dialogs.Choices;
using GiftBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Dialogs.Tests.Support;

/// <summary>
/// A small component built the way the gift finder is: a waterfall of text prompts whose validators read the
/// answer (an age from 0 to 120, a yes or no offered as quick replies), with help and cancel interruptions
/// handled once in OnContinueDialogAsync.
/// </summary>
public sealed class GiftQuestionsDialog : ComponentDialog
{
    private static readonly string[] Yes = ["yes", "yeah", "yep", "y"];
    private static readonly string[] No = ["no", "nope", "n"];

    public GiftQuestionsDialog()
        : base(nameof(GiftQuestionsDialog))
    {
        AddDialog(new WaterfallDialog("questions", [NameStepAsync, AgeStepAsync, ConfirmStepAsync, FinalStepAsync]));
        AddDialog(new TextPrompt("name"));
        AddDialog(new TextPrompt("age", AgeValidatorAsync));
        AddDialog(new TextPrompt("confirm", ConfirmValidatorAsync));
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

    private static Task<bool> AgeValidatorAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
        => Task.FromResult(prompt.Recognized.Succeeded && int.TryParse(prompt.Recognized.Value, out var age) && age is >= 0 and <= 120);

    private static Task<bool> ConfirmValidatorAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
        => Task.FromResult(prompt.Recognized.Succeeded && IsAnswer(prompt.Recognized.Value!, Yes.Concat(No)));

    private static bool IsAnswer(string text, IEnumerable<string> words) => words.Contains(text.ToLowerInvariant());

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

    // The question carries its own quick replies, rendered for the channel, as GiftFinderPrompts does.
    private static Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.Values["age"] = int.Parse((string)step.Result!, System.Globalization.CultureInfo.InvariantCulture);
        var question = (Activity)ChoiceFactory.ForChannel(step.Context.Activity.ChannelId, [new Choice("Yes"), new Choice("No")], "sure?");
        return step.PromptAsync("confirm", new PromptOptions { Prompt = question }, cancellationToken);
    }

    private static Task<DialogTurnResult> FinalStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var summary = IsAnswer((string)step.Result!, Yes) ? $"{step.GetValue<string>("name")} is {step.GetValue<int>("age")}" : "not confirmed";
        return step.EndDialogAsync(summary, cancellationToken);
    }
}
