namespace GiftBot.Catalog.Feed;

/// <summary>A feed row that was not imported: its line in the file (1-based, header is line 1) and why.</summary>
public sealed record FeedRowError(int LineNumber, string? ProductId, string Reason)
{
    public override string ToString() =>
        ProductId is null ? $"line {LineNumber}: {Reason}" : $"line {LineNumber} ({ProductId}): {Reason}";
}

/// <summary>The good products of a feed, in file order, and the rows that were rejected.</summary>
public sealed record FeedReadResult(IReadOnlyList<Product> Products, IReadOnlyList<FeedRowError> Errors);

/// <summary>The feed as a whole cannot be read (empty, no header, required columns missing).</summary>
public sealed class FeedFormatException(string message) : Exception(message);
