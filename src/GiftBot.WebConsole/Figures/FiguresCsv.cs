using System.Globalization;
using System.Text;

namespace GiftBot.WebConsole.Figures;

/// <summary>The per-source table as CSV (for spreadsheets and `giftbot report`).</summary>
public static class FiguresCsv
{
    public static string Write(FiguresData data)
    {
        var csv = new StringBuilder("source,label,conversations,carousels_shown,product_views,basket_adds,checkout_clicks,purchases,revenue,spend,roas\n");
        foreach (var s in data.Sources)
        {
            csv.AppendJoin(',', Field(s.Key), Field(s.Label), s.Conversations, s.Carousels, s.ProductViews, s.BasketAdds, s.CheckoutClicks, s.Purchases,
                s.Revenue.ToString("0.00", CultureInfo.InvariantCulture), s.Spend?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
                s.Roas?.ToString("0.00", CultureInfo.InvariantCulture) ?? "").Append('\n');
        }
        return csv.ToString();
    }

    // Quotes fields and defuses spreadsheet formulas (=, +, -, @ at the start) in values shoppers or ads can influence.
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
