using Microsoft.Bot.Builder;

namespace GiftBot.Dialogs;

/// <summary>Runs a root dialog for one turn, the way Bot Framework's bots do.</summary>
public static class DialogExtensions
{
    /// <summary>
    /// Continues the dialog stack stored in <paramref name="accessor"/>, or begins <paramref name="dialog"/> when
    /// the stack is empty. Does not save state: the bot saves ConversationState at the end of the turn.
    /// </summary>
    /// <exception cref="DialogStateException">The stored stack cannot be continued; reset the state.</exception>
    public static async Task<DialogTurnResult> RunAsync(
        this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(accessor);

        var dialogSet = new DialogSet(accessor).Add(dialog);
        var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }
}
