using System.Collections.Concurrent;
using System.Globalization;

namespace GiftBot.Conversations.Text;

/// <summary>Formats an amount in the shop's currency the way the shopper's locale writes money: "€24.99" (en-US), "24,99 €" (de-DE).</summary>
public static class PriceFormatter
{
    private static readonly ConcurrentDictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase);

    public static string Format(decimal amount, string currency, string? locale)
    {
        var culture = CultureFor(locale);
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = SymbolFor(currency);
        // Whole amounts read better without ".00" in budgets ("under €40").
        var decimals = amount == decimal.Truncate(amount) ? 0 : 2;
        return amount.ToString("C" + decimals, format);
    }

    public static CultureInfo CultureFor(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return CultureInfo.GetCultureInfo("en-US");
        try
        {
            return CultureInfo.GetCultureInfo(locale.Replace('_', '-'));
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("en-US");
        }
    }

    /// <summary>"€" for EUR, "$" for USD, "£" for GBP; the ISO code itself when no region uses it.</summary>
    public static string SymbolFor(string currency) => Symbols.GetOrAdd(currency, code =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
            .Where(r => r is not null && string.Equals(r.ISOCurrencySymbol, code, StringComparison.OrdinalIgnoreCase))
            .Select(r => r!.CurrencySymbol)
            .OrderBy(s => s.Length) // "$" over "US$"
            .FirstOrDefault() ?? code.ToUpperInvariant());
}
