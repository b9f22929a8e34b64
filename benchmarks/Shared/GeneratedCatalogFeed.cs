using System.Globalization;
using System.Text;
using GiftBot.Catalog;

namespace GiftBot.Benchmarks.Shared;

/// <summary>
/// A shop-sized catalog feed (Facebook's CSV format) made from the bundled one: each bundled product repeated with other
/// prices, ages, brands and stock. Titles and descriptions are kept, so product vectors are encoded once per distinct text;
/// with <c>distinctText</c> each description gets its product's reference, so every product has its own text (the
/// catalog-at-scale benchmark then stores its own distinct vectors, as a real shop's would be).
/// Compiled into every benchmark that needs a large catalog (one generator, not one per benchmark).
/// </summary>
internal static class GeneratedCatalogFeed
{
    public static string Generate(IReadOnlyList<Product> source, int count, bool distinctText = false)
    {
        var random = new Random(42);
        var csv = new StringBuilder("id,title,description,availability,condition,price,link,image_link,brand,age_min,age_max,interests\n");
        for (var i = 0; i < count; i++)
        {
            var p = source[i % source.Count];
            var price = Math.Round(p.Price * (decimal)(0.5 + random.NextDouble() * 1.5), 2);
            var shift = random.Next(-2, 3);
            var minAge = Math.Max(0, p.MinAge + shift);
            var maxAge = p.MaxAge >= 99 ? p.MaxAge : Math.Max(minAge, p.MaxAge + shift);
            var availability = random.Next(20) == 0 ? "out of stock" : "in stock";
            csv.Append(CultureInfo.InvariantCulture, $"S-{i:D6},{Quote(p.Title)},{Quote(distinctText ? p.Description + $" Ref. S-{i:D6}." : p.Description)},{availability},new,{price.ToString("0.00", CultureInfo.InvariantCulture)} EUR,")
               .Append(CultureInfo.InvariantCulture, $"https://shop.example.com/p/S-{i:D6},https://shop.example.com/i/S-{i:D6}.jpg,{Quote(p.Brand + " " + (i % 7))},{minAge},{maxAge},{string.Join('|', p.Interests)}\n");
        }
        return csv.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
