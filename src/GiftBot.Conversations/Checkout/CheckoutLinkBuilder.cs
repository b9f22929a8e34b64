using System.Text;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.Checkout;

/// <summary>
/// The shop's checkout URL for a basket: configured base, the items as "id:quantity" pairs, and UTM parameters so the
/// shop's analytics credit the bot. Every value is URL-encoded.
/// </summary>
public sealed class CheckoutLinkBuilder
{
    private readonly IOptions<CheckoutOptions> _options;

    public CheckoutLinkBuilder(IOptions<CheckoutOptions> options) => _options = options;

    public string Build(IEnumerable<(string ProductId, int Quantity)> items, string? channelId) => Build(items, channelId, null);

    /// <param name="clickToken">The conversation's click token, passed on to the shop for order attribution (omitted when null).</param>
    public string Build(IEnumerable<(string ProductId, int Quantity)> items, string? channelId, string? clickToken)
    {
        var options = _options.Value;
        var basket = string.Join(",", items.Where(i => i.Quantity > 0).Select(i => $"{i.ProductId}:{i.Quantity}"));
        var source = string.IsNullOrWhiteSpace(options.UtmSource) ? channelId ?? "chatbot" : options.UtmSource;

        var url = new StringBuilder(options.BaseUrl);
        var separator = options.BaseUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in new[]
                 {
                     (options.ItemsParameter, basket), ("utm_source", source), ("utm_medium", options.UtmMedium), ("utm_campaign", options.UtmCampaign),
                     (options.TokenParameter, clickToken ?? ""),
                 })
        {
            if (string.IsNullOrEmpty(value) || string.IsNullOrEmpty(name)) continue;
            url.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        return url.ToString();
    }

    /// <summary>Reads the items back from a basket parameter value ("id:qty,id:qty"); malformed pairs are skipped.</summary>
    public static IReadOnlyList<(string ProductId, int Quantity)> ParseItems(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        var items = new List<(string, int)>();
        foreach (var pair in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = pair.LastIndexOf(':');
            var id = colon >= 0 ? pair[..colon] : pair;
            var quantity = 1;
            if (colon >= 0 && !int.TryParse(pair[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out quantity)) continue;
            if (id.Length is > 0 and <= 100 && quantity is > 0 and <= 99) items.Add((id, quantity));
        }
        return items;
    }
}
