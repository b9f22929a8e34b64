using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace GiftBot.Dialogs.Tests.Support;

/// <summary>
/// Drives dialogs through TestAdapter turns the way a bot does, saving ConversationState after every turn.
/// State is re-read from storage every turn, so a JSON store exercises the plain-JSON round trip.
/// </summary>
public sealed class DialogHarness
{
    private readonly Dialog[] _dialogs;

    public DialogHarness(StorageKind storage, params Dialog[] dialogs)
        : this(StorageKinds.Create(storage), "test", dialogs)
    {
    }

    public DialogHarness(IStorage storage, string channelId, params Dialog[] dialogs)
    {
        _dialogs = dialogs;
        Storage = storage;
        ConversationState = new ConversationState(Storage);
        DialogState = ConversationState.CreateProperty<DialogState>(nameof(DialogState));
        Adapter = new TestAdapter(channelId);
    }

    public IStorage Storage { get; }

    public ConversationState ConversationState { get; }

    public IStatePropertyAccessor<DialogState> DialogState { get; }

    public TestAdapter Adapter { get; }

    /// <summary>The result of the last turn.</summary>
    public DialogTurnResult? LastResult { get; private set; }

    /// <summary>Each turn: RunAsync on the first dialog (begins it when the stack is empty), then save state.</summary>
    public TestFlow Flow() => new(Adapter, async (turnContext, cancellationToken) =>
    {
        LastResult = await _dialogs[0].RunAsync(turnContext, DialogState, cancellationToken);
        await ConversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    });

    /// <summary>Each turn runs <paramref name="turn"/> on a context over all the dialogs, then saves state.</summary>
    public TestFlow Flow(Func<DialogContext, CancellationToken, Task<DialogTurnResult>> turn) => new(Adapter, async (turnContext, cancellationToken) =>
    {
        var set = new DialogSet(DialogState);
        foreach (var dialog in _dialogs)
        {
            set.Add(dialog);
        }

        var dc = await set.CreateContextAsync(turnContext, cancellationToken);
        LastResult = await turn(dc, cancellationToken);
        await ConversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    });

    /// <summary>The usual bot turn: continue the stack, begin <paramref name="dialogId"/> when it is empty.</summary>
    public TestFlow ContinueOrBegin(string dialogId, object? options = null) => Flow(async (dc, ct) =>
    {
        var result = await dc.ContinueDialogAsync(ct);
        return result.Status == DialogTurnStatus.Empty ? await dc.BeginDialogAsync(dialogId, options, ct) : result;
    });
}
