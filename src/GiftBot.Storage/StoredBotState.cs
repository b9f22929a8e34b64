using GiftBot.Storage.Sqlite;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace GiftBot.Storage;

/// <summary>
/// ConversationState for plain-JSON stores: state is read once per turn and serialised once per save (see <see cref="StoredStateCache"/>).
/// </summary>
public sealed class StoredConversationState(IStorage storage) : ConversationState(storage), ITypedStoredState, ITurnReadAhead
{
    private readonly StoredStateCache _cache = new(storage);

    /// <summary>This conversation's state key, read with the turn's first read (none when the activity names no conversation).</summary>
    public IEnumerable<string> KeysFor(ITurnContext turnContext) =>
        turnContext?.Activity is { ChannelId: { Length: > 0 }, Conversation.Id: { Length: > 0 } } ? [GetStorageKey(turnContext)] : [];

    StoredStateReader ITypedStoredState.Reader => _cache.Reader;

    public override Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        StoredStateCache.IsLoaded(this, turnContext, force)
            ? Task.CompletedTask
            : _cache.LoadAsync(this, turnContext, GetStorageKey, () => base.ClearStateAsync(turnContext, cancellationToken), cancellationToken);

    public override Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        _cache.SaveAsync(this, turnContext, GetStorageKey, force, cancellationToken);
}

/// <summary>UserState for plain-JSON stores: state is read once per turn and serialised once per save (see <see cref="StoredStateCache"/>).</summary>
public sealed class StoredUserState(IStorage storage) : UserState(storage), ITypedStoredState, ITurnReadAhead
{
    private readonly StoredStateCache _cache = new(storage);

    /// <summary>This person's state key, read with the turn's first read (none when the activity names no sender).</summary>
    public IEnumerable<string> KeysFor(ITurnContext turnContext) =>
        turnContext?.Activity is { ChannelId: { Length: > 0 }, From.Id: { Length: > 0 } } ? [GetStorageKey(turnContext)] : [];

    StoredStateReader ITypedStoredState.Reader => _cache.Reader;

    public override Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        StoredStateCache.IsLoaded(this, turnContext, force)
            ? Task.CompletedTask
            : _cache.LoadAsync(this, turnContext, GetStorageKey, () => base.ClearStateAsync(turnContext, cancellationToken), cancellationToken);

    public override Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        _cache.SaveAsync(this, turnContext, GetStorageKey, force, cancellationToken);
}

/// <summary>A bot state read with a <see cref="StoredStateReader"/>, which accessors tell the types of their properties.</summary>
internal interface ITypedStoredState
{
    StoredStateReader Reader { get; }
}

/// <summary>
/// How <see cref="StoredConversationState"/> and <see cref="StoredUserState"/> load and save. Bot Builder's BotState serialises
/// the whole state to JSON on load and again on save only to hash it (to see whether it changed), and the store then
/// serialises it once more. Here the stored JSON text is the "before": inside a <see cref="UnitOfWork"/> every save is handed
/// to the unit, which serialises the state once at commit and leaves out what equals the text it read; outside a unit the
/// save compares one serialisation with that text itself. A store that hands back its text is read straight into the types
/// the accessors registered (<see cref="StoredStateReader"/>); from any other store a stored object's top-level values become
/// the state dictionary directly (objects and arrays stay JTokens, scalars their values, as ToObject gave).
/// </summary>
internal sealed class StoredStateCache(IStorage storage)
{
    private static int _instances;

    // One short key per state object (TurnState hashes its keys culture-aware, case-insensitively): no key built per turn.
    private readonly string _loadedKey = "gb.loaded." + Interlocked.Increment(ref _instances).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether the turn already holds the state, so a load has nothing to do. Checked before <see cref="LoadAsync"/> is
    /// called: BotState's accessors load on every get and set (dozens of times a turn), and that call built the storage
    /// key string and two delegates each time only to return.
    /// </summary>
    public static bool IsLoaded(BotState state, ITurnContext turnContext, bool force)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return !force && state.GetCachedState(turnContext)?.State is not null;
    }

    /// <summary>Reads the state into the turn (when <see cref="IsLoaded"/> says it is not there, or a reload is forced).</summary>
    public async Task LoadAsync(BotState state, ITurnContext turnContext, Func<ITurnContext, string> storageKey, Func<Task> clearCache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var key = storageKey(turnContext);
        var (values, loadedJson, fromStoredText) = await ReadAsync(key, cancellationToken).ConfigureAwait(false);

        // A fresh cache entry, whose change hash is of an empty dictionary; the loaded values then replace it without
        // BotState serialising them to hash them. SaveAsync never consults that hash.
        await clearCache().ConfigureAwait(false);
        var cached = state.GetCachedState(turnContext) ?? throw new InvalidOperationException("BotState did not create its turn cache.");
        cached.State = values;
        turnContext.TurnState[_loadedKey] = new LoadedState(key, loadedJson, fromStoredText);
    }

    /// <summary>Properties of this state that <see cref="StoredStateReader"/> reads straight into their types.</summary>
    public StoredStateReader Reader { get; } = new();

    private async Task<(IDictionary<string, object> Values, string LoadedJson, bool FromStoredText)> ReadAsync(string key, CancellationToken cancellationToken)
    {
        if (storage is IStoredTextReader { CanReadText: true } texts)
        {
            var found = await texts.ReadTextAsync([key], cancellationToken).ConfigureAwait(false);
            return found.TryGetValue(key, out var text)
                ? (Reader.Read(key, text), text.Json, true)
                : (new Dictionary<string, object>(StringComparer.Ordinal), EmptyJson, false);
        }

        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        items.TryGetValue(key, out var stored);
        (IDictionary<string, object> Values, string? Json) read = stored switch
        {
            null => (new Dictionary<string, object>(StringComparer.Ordinal), EmptyJson),
            JObject obj => (AsDictionary(obj), StoredJson.SourceOf(obj)?.Json),
            IDictionary<string, object> dictionary => (dictionary, null),
            _ => throw new InvalidOperationException($"Stored state '{key}' is not a JSON object."),
        };

        // A store that does not keep its text (a test's MemoryStorage): the "before" is serialised now, as BotState would.
        return (read.Values, read.Json ?? StoredJson.Serialize(read.Values), stored is JObject && StoredJson.SourceOf(stored) is not null);
    }

    public async Task SaveAsync(BotState state, ITurnContext turnContext, Func<ITurnContext, string> storageKey, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (state.GetCachedState(turnContext)?.State is not { } values)
        {
            return;
        }

        var key = storageKey(turnContext);
        var loaded = turnContext.TurnState.Get<LoadedState>(_loadedKey) is { } stored && stored.Key == key ? stored : null;
        string? json = null;
        if (!force && loaded is not null)
        {
            if (values.Count == 0 && loaded.Json == EmptyJson)
            {
                return;
            }

            // In a unit of work that read the stored text, the unit compares at commit (one serialisation in all).
            if (!(loaded.FromStoredText && UnitOfWork.Current is not null))
            {
                json = StoredJson.Serialize(values);
                if (json == loaded.Json)
                {
                    return;
                }
            }
        }

        await storage.WriteAsync(new Dictionary<string, object>(1) { [key] = values }, cancellationToken).ConfigureAwait(false);
        if (loaded is not null && json is not null)
        {
            loaded.Json = json;
        }
    }

    private const string EmptyJson = "{}";

    private static Dictionary<string, object> AsDictionary(JObject stored)
    {
        var values = new Dictionary<string, object>(stored.Count, StringComparer.Ordinal);
        foreach (var property in stored.Properties())
        {
            values[property.Name] = property.Value is JValue scalar ? scalar.Value! : property.Value;
        }

        return values;
    }

    private sealed class LoadedState(string key, string json, bool fromStoredText)
    {
        public string Key { get; } = key;

        public string Json { get; set; } = json;

        public bool FromStoredText { get; } = fromStoredText;
    }
}
