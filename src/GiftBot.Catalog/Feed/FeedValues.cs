using System.Globalization;
using System.Text.RegularExpressions;

namespace GiftBot.Catalog.Feed;

/// <summary>The value rules of Facebook's product catalog feed that GiftBot enforces.</summary>
internal static partial class FeedValues
{
    public static readonly string[] Availabilities = ["in stock", "out of stock", "preorder", "available for order", "discontinued"];
    public static readonly string[] Conditions = ["new", "refurbished", "used"];
    public const int MaxIdLength = 100;
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 9999;
    public const int MaxAge = 120;

    /// <summary>"in_stock" and "In Stock" both mean "in stock", as Facebook accepts either spelling.</summary>
    public static string? NormalizeAvailability(string raw) => Match(Availabilities, raw.Replace('_', ' '));

    public static string? NormalizeCondition(string raw) => Match(Conditions, raw);

    /// <summary>Parses "12.50 EUR" or "12.50" (dot decimal separator, at most two decimals, no thousands separator).</summary>
    public static bool TryParsePrice(string raw, out decimal amount, out string? currency)
    {
        amount = 0;
        currency = null;
        var match = PricePattern().Match(raw.Trim());
        if (!match.Success)
            return false;
        amount = decimal.Parse(match.Groups["amount"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        currency = match.Groups["currency"].Success ? match.Groups["currency"].Value.ToUpperInvariant() : null;
        return true;
    }

    public static bool IsHttpsUrl(string raw) =>
        Uri.TryCreate(raw, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);

    private static string? Match(string[] allowed, string raw)
    {
        var value = raw.Trim();
        return allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"^(?<amount>\d{1,9}(\.\d{1,2})?)(\s+(?<currency>[A-Za-z]{3}))?$")]
    private static partial Regex PricePattern();
}
