namespace GiftBot.Catalog.Tests.Support;

/// <summary>Products for ranking tests: only what a test cares about needs naming.</summary>
public static class Products
{
    public static Product Make(string id, decimal price = 20m, int minAge = 0, int maxAge = 120, string interests = "",
        string brand = "Brand", string availability = "in stock") => new()
    {
        Id = id,
        Title = "Product " + id,
        Price = price,
        Currency = "EUR",
        MinAge = minAge,
        MaxAge = maxAge,
        Interests = interests.Split('|', StringSplitOptions.RemoveEmptyEntries),
        Availability = availability,
        Link = $"https://shop.example.com/products/{id}",
        ImageLink = $"https://shop.example.com/images/{id}.jpg",
        Brand = brand,
    };

    public static string[] Ids(this IEnumerable<Product> products) => products.Select(p => p.Id).ToArray();
}
