namespace GiftBot.Catalog.Import;

/// <summary>
/// When a feed may replace the catalog. A feed with more than <see cref="MaxRejectedPercent"/> of its rows rejected is
/// refused (a broken export must not wipe out a good catalog) unless <see cref="AllowPartial"/>; a dry run never writes.
/// </summary>
public sealed record ImportRules(double MaxRejectedPercent, bool AllowPartial = false, bool DryRun = false)
{
    public static ImportRules Default { get; } = new(CatalogFeedOptions.DefaultMaxRejectedPercent);
}
