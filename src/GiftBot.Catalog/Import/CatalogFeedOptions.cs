using Microsoft.Extensions.Options;

namespace GiftBot.Catalog.Import;

/// <summary>How feeds may replace the catalog, and the shop's scheduled feed URL; part of the "Catalog" section.</summary>
public sealed class CatalogFeedOptions
{
    public const string SectionName = CatalogOptions.SectionName;
    public const double DefaultMaxRejectedPercent = 5;

    /// <summary>A feed with a larger share of rejected rows (in percent of all rows) is refused and the old catalog kept.</summary>
    public double MaxRejectedPercent { get; set; } = DefaultMaxRejectedPercent;

    /// <summary>The shop's feed (http or https), fetched every <see cref="FeedFetchInterval"/> with a conditional GET; empty: off.</summary>
    public string? FeedUrl { get; set; }

    /// <summary>How often <see cref="FeedUrl"/> is fetched.</summary>
    public TimeSpan FeedFetchInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one fetch of <see cref="FeedUrl"/> may take.</summary>
    public TimeSpan FeedFetchTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public ImportRules Rules(bool allowPartial = false, bool dryRun = false) => new(MaxRejectedPercent, allowPartial, dryRun);
}

/// <summary>Start-up validation: every failure names the configuration key to fix.</summary>
public sealed class CatalogFeedOptionsValidator : IValidateOptions<CatalogFeedOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogFeedOptions options)
    {
        var failures = new List<string>();
        var key = CatalogFeedOptions.SectionName + ":";
        if (options.MaxRejectedPercent is < 0 or > 100 || double.IsNaN(options.MaxRejectedPercent))
            failures.Add($"{key}{nameof(options.MaxRejectedPercent)} must be from 0 to 100 (percent of the feed's rows).");
        if (!string.IsNullOrWhiteSpace(options.FeedUrl)
            && (!Uri.TryCreate(options.FeedUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
            failures.Add($"{key}{nameof(options.FeedUrl)} must be an absolute http or https URL (got '{options.FeedUrl}').");
        if (options.FeedFetchInterval < TimeSpan.FromSeconds(1) && !string.IsNullOrWhiteSpace(options.FeedUrl))
            failures.Add($"{key}{nameof(options.FeedFetchInterval)} must be at least one second (hh:mm:ss).");
        if (options.FeedFetchTimeout <= TimeSpan.Zero)
            failures.Add($"{key}{nameof(options.FeedFetchTimeout)} must be positive (hh:mm:ss).");
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
