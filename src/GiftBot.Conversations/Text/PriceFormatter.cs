using System.Collections.Concurrent;
using System.Globalization;

namespace GiftBot.Conversations.Text;

/// <summary>
/// Formats money the way the shopper's locale writes it: "€24.99" (en-US), "24,99 €" (de-DE). Prices and totals always
/// show the currency's minor units ("€34.00" beside "€39.99", "¥1,500" for yen); a budget the shopper gave as a whole
/// amount may stay whole ("under €40").
/// </summary>
public static class PriceFormatter
{
    private static readonly ConcurrentDictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ConcurrentDictionary<string, int> MinorUnits = new(StringComparer.OrdinalIgnoreCase);
    // Every price on a carousel is formatted: the culture's number format with the currency's symbol is built once per
    // locale and currency (bounded: the locale comes from the channel), not cloned per price.
    private static readonly ConcurrentDictionary<(string Locale, string Currency), NumberFormatInfo> Formats = new();

    /// <summary>A price or total, in the currency's minor units.</summary>
    public static string Format(decimal amount, string currency, string? locale) => Format(amount, currency, locale, MinorUnitsOf(currency));

    /// <summary>A budget: whole amounts without decimals, others in minor units.</summary>
    public static string FormatBudget(decimal amount, string currency, string? locale) =>
        Format(amount, currency, locale, amount == decimal.Truncate(amount) ? 0 : MinorUnitsOf(currency));

    private static string Format(decimal amount, string currency, string? locale, int decimals) =>
        amount.ToString("C" + decimals, FormatFor(locale ?? "", currency));

    private static NumberFormatInfo FormatFor(string locale, string currency)
    {
        if (Formats.TryGetValue((locale, currency), out var known)) return known;
        var format = (NumberFormatInfo)CultureFor(locale).NumberFormat.Clone();
        format.CurrencySymbol = SymbolFor(currency);
        var readOnly = NumberFormatInfo.ReadOnly(format);
        return Formats.Count < 256 ? Formats.GetOrAdd((locale, currency), readOnly) : readOnly;
    }

    /// <summary>2 for EUR and USD, 0 for JPY: the decimals the currency's own countries write.</summary>
    public static int MinorUnitsOf(string currency) => MinorUnits.GetOrAdd(currency, code =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Where(c => { try { return string.Equals(new RegionInfo(c.Name).ISOCurrencySymbol, code, StringComparison.OrdinalIgnoreCase); } catch (ArgumentException) { return false; } })
            .Select(c => c.NumberFormat.CurrencyDecimalDigits)
            .GroupBy(digits => digits)
            .OrderByDescending(g => g.Count())
            .Select(g => (int?)g.Key)
            .FirstOrDefault() ?? 2);

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
