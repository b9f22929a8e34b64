using Microsoft.Bot.Builder;

namespace GiftBot.Storage;

/// <summary>
/// Makes a turn one unit of work: everything it changes through the stores is committed in one transaction after the bot
/// (and the middleware after this one) finished. A failed turn commits nothing. Inside a unit already running (a Messenger
/// inbox item with several turns) the turn joins it and the item's owner commits. Add it first on every adapter.
/// It tells the unit the keys the turn is about to read (<see cref="ITurnReadAhead"/>), so its first read fetches them all.
/// </summary>
public sealed class UnitOfWorkMiddleware(IUnitOfWorkCommitter committer, IEnumerable<ITurnReadAhead>? readAheads = null) : IMiddleware
{
    private readonly ITurnReadAhead[] _readAheads = readAheads?.ToArray() ?? [];

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        await using var scope = UnitOfWork.Begin(committer);
        foreach (var readAhead in _readAheads)
        {
            scope.Unit.ReadAhead(readAhead.KeysFor(turnContext));
        }

        await next(cancellationToken).ConfigureAwait(false);
        // The turn's replies are already out; its changes must be stored even if the caller gave up waiting.
        await scope.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
