using GiftBot.Catalog.Search;

namespace GiftBot.Catalog;

/// <summary>What a product's own words say, read by the rule the search rules things out with.</summary>
public static class ProductText
{
    /// <summary>
    /// Whether the text (a title, a sentence of a description) names the word, with loose endings: "batteries" meets
    /// "battery-powered", "wood" meets "wooden", "water" does not meet "waterproof"; short words only as themselves.
    /// "No batteries needed" names batteries: it is what a shopper asking about batteries wants to read.
    /// </summary>
    public static bool Mentions(string text, string word) => ProductWords.Mentions(ProductWords.Phrase(text), ProductWords.Phrase(word));

    /// <summary>The text without accents: a French shopper's "télescope" is the feed's "Telescope".</summary>
    public static string WithoutAccents(string text)
    {
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        return new string(decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
    }
}
