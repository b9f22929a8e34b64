using System.Text.RegularExpressions;

namespace GiftBot.Testing;

/// <summary>
/// Whether a product's words name a thing a shopper ruled out, for tests and the language benchmark alike: "Solar Robot
/// ... no batteries needed" and "a screen-free board game" say the product has none, so they do not name it.
/// </summary>
public static class ProductText
{
    public static bool Names(string text, string word) =>
        Regex.IsMatch(text, $@"(?<!\bno |\bnon-|\bwithout ){Regex.Escape(word)}(?![a-z]*[- ]free\b)",
            RegexOptions.IgnoreCase);
}
