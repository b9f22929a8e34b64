namespace GiftBot.Conversations.ClickTracking;

/// <summary>
/// Click tracking for "view" and "checkout" links. Bound to the "ClickTracking" section. With a PublicBaseUrl
/// (the address shoppers' browsers reach this host at), links go through /r/... on this host, which records the
/// click and redirects; without one, links point straight at the shop.
/// </summary>
public sealed class ClickTrackingOptions
{
    public const string SectionName = "ClickTracking";

    /// <summary>e.g. https://bot.example.com; empty disables redirect links.</summary>
    public string? PublicBaseUrl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(PublicBaseUrl);

    public string? Validate() =>
        !Enabled || (Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && string.IsNullOrEmpty(uri.Query))
            ? null
            : $"{SectionName}:PublicBaseUrl must be an absolute http(s) URL without a query, e.g. https://bot.example.com, or empty.";
}
