using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GiftBot.Catalog.Storage;

/// <summary>Maps products to rows of the products table. Prices are stored as invariant text so decimals stay exact.</summary>
internal static class ProductRows
{
    public const string Columns = "id, title, description, price, currency, min_age, max_age, interests, availability, condition, link, image_link, brand";

    public static SqliteCommand InsertCommand(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO products (position, {Columns}) VALUES ($position, $id, $title, $description, $price, $currency, "
            + "$minAge, $maxAge, $interests, $availability, $condition, $link, $imageLink, $brand)";
        foreach (var name in new[] { "$position", "$id", "$title", "$description", "$price", "$currency", "$minAge", "$maxAge",
                     "$interests", "$availability", "$condition", "$link", "$imageLink", "$brand" })
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    public static void Bind(SqliteCommand insert, Product product, int position)
    {
        var values = insert.Parameters;
        values["$position"].Value = position;
        values["$id"].Value = product.Id;
        values["$title"].Value = product.Title;
        values["$description"].Value = product.Description;
        values["$price"].Value = product.Price.ToString(CultureInfo.InvariantCulture);
        values["$currency"].Value = product.Currency;
        values["$minAge"].Value = product.MinAge;
        values["$maxAge"].Value = product.MaxAge;
        values["$interests"].Value = string.Join('|', product.Interests);
        values["$availability"].Value = product.Availability;
        values["$condition"].Value = product.Condition;
        values["$link"].Value = product.Link;
        values["$imageLink"].Value = product.ImageLink;
        values["$brand"].Value = product.Brand;
    }

    public static Product Read(SqliteDataReader row) => new()
    {
        Id = row.GetString(0),
        Title = row.GetString(1),
        Description = row.GetString(2),
        Price = decimal.Parse(row.GetString(3), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
        Currency = row.GetString(4),
        MinAge = row.GetInt32(5),
        MaxAge = row.GetInt32(6),
        Interests = row.GetString(7).Split('|', StringSplitOptions.RemoveEmptyEntries),
        Availability = row.GetString(8),
        Condition = row.GetString(9),
        Link = row.GetString(10),
        ImageLink = row.GetString(11),
        Brand = row.GetString(12),
    };
}
