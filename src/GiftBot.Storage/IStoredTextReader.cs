using GiftBot.Storage.Sqlite;

namespace GiftBot.Storage;

/// <summary>
/// A store that can hand back items as the JSON text it holds, unparsed, so bot state is read straight into the typed
/// objects the dialogs use instead of into a JSON tree first (see <see cref="StoredStateReader"/>).
/// </summary>
internal interface IStoredTextReader
{
    /// <summary>False for a wrapper whose inner store keeps no text (e.g. Bot Builder's MemoryStorage in a test).</summary>
    bool CanReadText { get; }

    /// <summary>The stored text and ETag of each key that exists; a key that does not is left out.</summary>
    Task<IReadOnlyDictionary<string, StoredText>> ReadTextAsync(string[] keys, CancellationToken cancellationToken);
}
