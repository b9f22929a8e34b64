namespace GiftBot.Storage;

/// <summary>
/// A write carried an ETag that no longer matches the stored item: someone else changed it since it was read.
/// The message names the key, never the value.
/// </summary>
public sealed class StorageConcurrencyException(string key, string? expectedETag, string? currentETag)
    : Exception($"ETag conflict writing storage key '{key}': the item changed since it was read (write carried '{expectedETag}', store has '{currentETag}').")
{
    public string Key { get; } = key;
}

/// <summary>
/// A stored item could not be read back (e.g. its JSON is corrupt). Raised for that key rather than treating
/// the item as missing, so the caller decides: the host can reset that one conversation's state and apologise,
/// instead of silently starting over or failing every later turn with an opaque error.
/// </summary>
public sealed class StorageReadException(string key, Exception innerException)
    : Exception($"Stored item '{key}' could not be read: {innerException.GetType().Name}.", innerException)
{
    public string Key { get; } = key;
}
