using Microsoft.Bot.Builder;

namespace GiftBot.Storage;

/// <summary>
/// A state property accessor for stores that return plain JSON (like <see cref="Sqlite.SqliteStorage"/>).
/// BotState converts a stored JObject with ToObject on every GetAsync and does not keep the result, so an object
/// changed in place (the usual dialog pattern) would silently not be saved. This accessor puts the converted
/// object back into the turn's state cache, so later reads in the turn get the same instance and the save sees the changes.
/// </summary>
public sealed class TrackedStatePropertyAccessor<T>(BotState botState, IStatePropertyAccessor<T> inner) : IStatePropertyAccessor<T>
{
    public string Name => inner.Name;

    public async Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default)
    {
        var value = await inner.GetAsync(turnContext, defaultValueFactory, cancellationToken).ConfigureAwait(false);
        // Usually the cache already holds this very object (the store's text was read straight into T, or an earlier get
        // of the turn put it back): then putting it back again is a no-op that still cost a load check and a set per get.
        if (value is not null && !typeof(T).IsValueType && !IsCached(turnContext, value))
        {
            await inner.SetAsync(turnContext, value, cancellationToken).ConfigureAwait(false);
        }

        return value;
    }

    private bool IsCached(ITurnContext turnContext, T value) =>
        botState.GetCachedState(turnContext)?.State is { } cached && cached.TryGetValue(Name, out var held) && ReferenceEquals(held, value);

    public Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default) =>
        inner.SetAsync(turnContext, value, cancellationToken);

    public Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(turnContext, cancellationToken);
}

public static class BotStateExtensions
{
    /// <summary>Like <see cref="BotState.CreateProperty{T}"/>, but changes made in place to the returned object are saved with plain-JSON stores.</summary>
    public static IStatePropertyAccessor<T> CreateTrackedProperty<T>(this BotState botState, string name)
    {
        ArgumentNullException.ThrowIfNull(botState);
        (botState as ITypedStoredState)?.Reader.Register(name, typeof(T));
        return new TrackedStatePropertyAccessor<T>(botState, botState.CreateProperty<T>(name));
    }
}
