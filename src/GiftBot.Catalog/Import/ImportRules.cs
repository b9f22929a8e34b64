namespace GiftBot.Catalog.Import;

/// <summary>
/// When a feed may replace the catalog. A feed with more than <see cref="MaxRejectedPercent"/> of its rows rejected is
/// refused (a broken export must not wipe out a good catalog) unless <see cref="AllowPartial"/>; a dry run never writes.
/// </summary>
public sealed record ImportRules(double MaxRejectedPercent, bool AllowPartial = false, bool DryRun = false)
{
    public static ImportRules Default { get; } = new(CatalogFeedOptions.DefaultMaxRejectedPercent);

    /// <summary>True when a feed with these valid and rejected rows must not replace the catalog.</summary>
    public bool RefusesFeed(int validRows, int rejectedRows) =>
        validRows == 0 || (!AllowPartial && 100.0 * rejectedRows / (validRows + rejectedRows) > MaxRejectedPercent);
}
