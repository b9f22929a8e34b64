namespace GiftBot.Messenger.Outbound;

/// <summary>Cuts and splits text at word boundaries, never inside a surrogate pair, so limits never reach Meta.</summary>
public static class TextLimits
{
    public const string Ellipsis = "…";

    /// <summary>Splits into pieces of at most <paramref name="maxLength"/>, preferring paragraph, line, then word breaks.</summary>
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        var pieces = new List<string>();
        var remaining = text.Trim();
        while (remaining.Length > maxLength)
        {
            var cut = BreakBefore(remaining, maxLength);
            var piece = remaining[..cut].TrimEnd();
            if (piece.Length > 0) pieces.Add(piece);
            remaining = remaining[cut..].TrimStart();
        }
        if (remaining.Length > 0) pieces.Add(remaining);
        return pieces;
    }

    /// <summary>Text of at most <paramref name="maxLength"/>: whole words followed by "…" where possible.</summary>
    public static string Cut(string text, int maxLength)
    {
        text = text.Trim();
        if (text.Length <= maxLength) return text;
        var room = maxLength - Ellipsis.Length;
        var space = text.LastIndexOf(' ', room);
        var cut = space >= room / 2 ? space : SafeCut(text, room);
        return text[..cut].TrimEnd() + Ellipsis;
    }

    private static int BreakBefore(string text, int maxLength)
    {
        foreach (var separator in new[] { "\n\n", "\n", " " })
        {
            var index = text.LastIndexOf(separator, maxLength, StringComparison.Ordinal);
            // Break only if it keeps the piece reasonably full; otherwise a single long "word" forces a hard cut.
            if (index >= maxLength / 2) return index;
        }
        return SafeCut(text, maxLength);
    }

    private static int SafeCut(string text, int at) => at > 0 && char.IsHighSurrogate(text[at - 1]) ? at - 1 : at;
}
