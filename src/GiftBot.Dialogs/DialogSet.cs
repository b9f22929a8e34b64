using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace GiftBot.Dialogs;

/// <summary>A collection of dialogs addressed by id, bound to the state property that stores their stack.</summary>
public class DialogSet
{
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet(IStatePropertyAccessor<DialogState> dialogState)
    {
        _dialogState = dialogState ?? throw new ArgumentNullException(nameof(dialogState));
    }

    /// <summary>A set without its own state property, used inside a <see cref="ComponentDialog"/>.</summary>
    public DialogSet()
    {
    }

    /// <summary>Adds a dialog; a second, different dialog with the same id is a programming error.</summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (_dialogs.TryGetValue(dialog.Id, out var existing))
        {
            if (ReferenceEquals(existing, dialog))
            {
                return this;
            }

            throw new ArgumentException($"A different dialog with id '{dialog.Id}' is already in the set.", nameof(dialog));
        }

        _dialogs.Add(dialog.Id, dialog);
        return this;
    }

    public Dialog? Find(string dialogId)
        => dialogId is not null && _dialogs.TryGetValue(dialogId, out var dialog) ? dialog : null;

    /// <summary>Loads the stack from the state property and returns a context to drive it for this turn.</summary>
    /// <exception cref="DialogStateException">The stored stack cannot be read as a <see cref="DialogState"/>.</exception>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (_dialogState is null)
        {
            throw new InvalidOperationException("This DialogSet has no state property; create it with an IStatePropertyAccessor<DialogState>.");
        }

        DialogState state;
        try
        {
            state = await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidCastException or FormatException)
        {
            throw new DialogStateException("The stored dialog stack cannot be read.", null, ex);
        }

        state ??= new DialogState();
        state.DialogStack ??= [];

        // Stores the very instance we mutate: a state read back from plain JSON is converted to a new object,
        // and the changes must land in the cache that ConversationState saves.
        await _dialogState.SetAsync(turnContext, state, cancellationToken).ConfigureAwait(false);
        return new DialogContext(this, turnContext, state);
    }
}
