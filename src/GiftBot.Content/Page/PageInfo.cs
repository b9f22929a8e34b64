namespace GiftBot.Content;

/// <summary>
/// content/page.json: the Facebook Page's (the shop's) own details behind {{page_name}}, {{website}} and {{phone}}.
/// </summary>
public sealed class PageInfo(LocalizedText pageName, string website, string? phone, string defaultLocale, DeliveryPrices? delivery = null)
{
    public const string FileName = "page.json";

    public LocalizedText PageNameText { get; } = pageName;
    public string Website { get; } = website;
    public string? Phone { get; } = phone;
    /// <summary>What standard delivery costs and from what order total it is free; null when the file does not say.</summary>
    public DeliveryPrices? Delivery { get; } = delivery;

    public string PageName(string? locale = null) => PageNameText.Get(locale, defaultLocale) ?? "";

    public static PageInfo Load(string file, string defaultLocale)
    {
        using var doc = ContentJson.ParseFile(file);
        var root = ContentJson.RequireObject(doc.RootElement, file, "");
        var name = ContentJson.OptionalLocalized(root, "pageName", file, "")
            ?? throw new ContentLoadException(file, "pageName", "is required");
        if (string.IsNullOrWhiteSpace(name.Get(defaultLocale, defaultLocale)))
            throw new ContentLoadException(file, "pageName", $"has no text for the default locale '{defaultLocale}'");
        var website = ContentJson.RequiredString(root, "website", file, ""); // URL rules: ContentChecker
        return new PageInfo(name, website, ContentJson.OptionalString(root, "phone", file, ""), defaultLocale, ReadDelivery(root, file));
    }

    private static DeliveryPrices? ReadDelivery(System.Text.Json.JsonElement root, string file)
    {
        if (!root.TryGetProperty("delivery", out var delivery)) return null;
        ContentJson.RequireObject(delivery, file, "delivery");
        return new DeliveryPrices(Amount(delivery, "standard", file), delivery.TryGetProperty("freeFrom", out _) ? Amount(delivery, "freeFrom", file) : null);
    }

    private static decimal Amount(System.Text.Json.JsonElement delivery, string name, string file) =>
        delivery.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.Number && value.TryGetDecimal(out var amount) && amount >= 0
            ? amount : throw new ContentLoadException(file, $"delivery.{name}", "must be an amount of 0 or more");
}

/// <summary>Standard delivery's price, free from an order total when <see cref="FreeFrom"/> is set.</summary>
public sealed record DeliveryPrices(decimal Standard, decimal? FreeFrom)
{
    public decimal For(decimal orderTotal) => FreeFrom is { } free && orderTotal >= free ? 0 : Standard;
}
