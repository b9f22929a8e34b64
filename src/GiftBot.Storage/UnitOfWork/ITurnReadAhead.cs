using Microsoft.Bot.Builder;

namespace GiftBot.Storage;

/// <summary>
/// Names storage keys a turn is about to read (its conversation and user state, the person's card), so the turn's first read
/// from the store fetches them all in one statement instead of one query each (see <see cref="UnitOfWork.ReadAhead"/>).
/// Registered by what reads them; <see cref="UnitOfWorkMiddleware"/> asks each one when a turn starts. Only a hint: a key
/// never read costs a row in that one query, and a key not named is read as before.
/// </summary>
public interface ITurnReadAhead
{
    /// <summary>The keys this turn will read; empty when the activity does not say whose they are.</summary>
    IEnumerable<string> KeysFor(ITurnContext turnContext);
}

/// <summary>Names no key (a state class that reads its own way).</summary>
public sealed class NoReadAhead : ITurnReadAhead
{
    public static NoReadAhead Instance { get; } = new();

    public IEnumerable<string> KeysFor(ITurnContext turnContext) => [];
}
