using Microsoft.Bot.Builder;

namespace GiftBot.Dialogs.Tests.Support;

/// <summary>Small waterfall steps used across tests.</summary>
public static class Steps
{
    /// <summary>A step that says <paramref name="text"/> and waits for the next message.</summary>
    public static WaterfallStep Say(string text) => async (step, ct) =>
    {
        await step.Context.SendActivityAsync(text, cancellationToken: ct);
        return Dialog.EndOfTurn;
    };

    /// <summary>A step that reports the result it received ("result: x") and waits.</summary>
    public static WaterfallStep Echo(string label) => async (step, ct) =>
    {
        await step.Context.SendActivityAsync($"{label}: {step.Result ?? "null"}", cancellationToken: ct);
        return Dialog.EndOfTurn;
    };

    /// <summary>A step that ends the waterfall with <paramref name="result"/>.</summary>
    public static WaterfallStep End(object? result = null) => (step, ct) => step.EndDialogAsync(result ?? step.Result, ct);
}
