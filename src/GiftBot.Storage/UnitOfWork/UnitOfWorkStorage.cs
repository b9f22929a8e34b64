using GiftBot.Storage.Sqlite;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace GiftBot.Storage;

/// <summary>
/// Bot Builder <see cref="IStorage"/> that joins the running <see cref="UnitOfWork"/>: inside a turn, writes and deletes are
/// collected and committed once at its end (BotState saved twice is written once), and each key is read from the store at
/// most once; a read as text also fetches the keys the turn named as about to be read (<see cref="UnitOfWork.ReadAhead"/>).
/// Outside a turn it passes straight through to the provider's storage.
/// </summary>
public sealed class UnitOfWorkStorage(IStorage inner) : IStorage, IStoredTextReader
{
    bool IStoredTextReader.CanReadText => inner is IStoredTextReader { CanReadText: true };

    /// <summary>As <see cref="ReadAsync"/>, as text: a value written in this turn comes back as the text it will be stored as.</summary>
    async Task<IReadOnlyDictionary<string, StoredText>> IStoredTextReader.ReadTextAsync(string[] keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var texts = (IStoredTextReader)inner;
        if (UnitOfWork.Current is not { } unit)
        {
            return await texts.ReadTextAsync(keys, cancellationToken).ConfigureAwait(false);
        }

        var result = new Dictionary<string, StoredText>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var key in keys)
        {
            if (!unit.TryGetRead(key, out var known))
            {
                missing.Add(key);
            }
            else if (known is not null)
            {
                result[key] = AsText(known);
            }
        }

        if (missing.Count > 0)
        {
            // The keys the turn named as about to be read come along in the same statement (its state and card: one query).
            var ahead = unit.TakeReadAhead().Where(key => !missing.Contains(key, StringComparer.Ordinal)).ToList();
            var read = await texts.ReadTextAsync([.. missing, .. ahead], cancellationToken).ConfigureAwait(false);
            foreach (var key in missing)
            {
                var found = read.TryGetValue(key, out var text) ? text : null;
                unit.RememberRead(key, found);
                if (found is not null)
                {
                    result[key] = found;
                }
            }

            foreach (var key in ahead)
            {
                // Unless this turn wrote it meanwhile (the read was under way), it is what the store holds.
                if (!unit.TryGetRead(key, out _))
                {
                    unit.RememberRead(key, read.TryGetValue(key, out var text) ? text : null);
                }
            }
        }

        return result;
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (UnitOfWork.Current is not { } unit)
        {
            return await inner.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        }

        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var key in keys)
        {
            if (unit.TryGetRead(key, out var known))
            {
                if (known is not null)
                {
                    result[key] = Copy(known);
                }
            }
            else
            {
                missing.Add(key);
            }
        }

        if (missing.Count > 0)
        {
            var read = await inner.ReadAsync([.. missing], cancellationToken).ConfigureAwait(false);
            foreach (var key in missing)
            {
                var value = read.TryGetValue(key, out var found) ? found : null;
                if (StoredJson.SourceOf(value) is { } text)
                {
                    // Fresh from the store: the caller may have this very object; a later reader parses the text again.
                    unit.RememberRead(key, text);
                    result[key] = value!;
                    continue;
                }

                unit.RememberRead(key, value);
                if (value is not null)
                {
                    result[key] = Copy(value);
                }
            }
        }

        return result;
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (UnitOfWork.Current is not { } unit)
        {
            return inner.WriteAsync(changes, cancellationToken);
        }

        foreach (var (key, value) in changes)
        {
            unit.Write(key, value ?? throw new ArgumentException($"Storage key '{key}' has a null value; delete the key instead.", nameof(changes)));
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (UnitOfWork.Current is not { } unit)
        {
            return inner.DeleteAsync(keys, cancellationToken);
        }

        foreach (var key in keys)
        {
            unit.Delete(key);
        }

        return Task.CompletedTask;
    }

    private static StoredText AsText(object value) => value as StoredText
        ?? new StoredText(StoredJson.Serialize(value), StoredJson.ExpectedETag(value) ?? "*");

    // A second reader of the same key gets its own copy (callers may change what they read): parsed again from the stored
    // text, or a copy of the value written in this turn, as the plain JSON it will be stored as.
    private static object Copy(object value) => value switch
    {
        StoredText text => text.Parse(),
        JToken token => token.DeepClone(),
        _ => StoredJson.Deserialize(StoredJson.Serialize(value), StoredJson.ExpectedETag(value) ?? "*"),
    };
}
