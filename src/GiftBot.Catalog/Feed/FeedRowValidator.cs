using System.Globalization;
using GiftBot.Catalog.Themes;

namespace GiftBot.Catalog.Feed;

/// <summary>Turns one feed row into a product, or explains every reason it cannot be one.</summary>
internal sealed class FeedRowValidator(string shopCurrency)
{
    private readonly Dictionary<string, int> _acceptedIds = new(StringComparer.OrdinalIgnoreCase);

    public (Product? Product, FeedRowError? Error) Validate(int line, Func<string, string> cell)
    {
        var reasons = new List<string>();
        var id = cell(FeedColumns.Id);
        var title = cell(FeedColumns.Title);
        var description = cell(FeedColumns.Description);

        Require(id, FeedColumns.Id, FeedValues.MaxIdLength, reasons);
        Require(title, FeedColumns.Title, FeedValues.MaxTitleLength, reasons);
        Require(description, FeedColumns.Description, FeedValues.MaxDescriptionLength, reasons);
        if (id.Length > 0 && _acceptedIds.TryGetValue(id, out var firstLine))
            reasons.Add($"duplicate id '{id}' (already imported from line {firstLine})");

        var availability = Allowed(cell(FeedColumns.Availability), FeedColumns.Availability, FeedValues.NormalizeAvailability, FeedValues.Availabilities, reasons);
        var condition = Allowed(cell(FeedColumns.Condition), FeedColumns.Condition, FeedValues.NormalizeCondition, FeedValues.Conditions, reasons);
        var price = Price(cell(FeedColumns.Price), reasons);
        var link = Https(cell(FeedColumns.Link), FeedColumns.Link, reasons);
        var imageLink = BundledImages.IsPath(cell(FeedColumns.ImageLink)) ? cell(FeedColumns.ImageLink)
            : Https(cell(FeedColumns.ImageLink), FeedColumns.ImageLink, reasons);
        var minAge = Age(cell(FeedColumns.AgeMin), FeedColumns.AgeMin, 0, reasons);
        var maxAge = Age(cell(FeedColumns.AgeMax), FeedColumns.AgeMax, FeedValues.MaxAge, reasons);
        if (minAge is { } min && maxAge is { } max && min > max)
            reasons.Add($"age_min {min} is greater than age_max {max}");

        if (reasons.Count > 0)
            return (null, new FeedRowError(line, id.Length > 0 ? id : null, string.Join("; ", reasons)));

        _acceptedIds[id] = line;
        return (new Product
        {
            Id = id,
            Title = title,
            Description = description,
            Price = price!.Value,
            Currency = shopCurrency,
            MinAge = minAge!.Value,
            MaxAge = maxAge!.Value,
            Interests = ThemeNames.SplitList(cell(FeedColumns.Interests)),
            Availability = availability!,
            Condition = condition!,
            Link = link,
            ImageLink = imageLink,
            Brand = cell(FeedColumns.Brand),
        }, null);
    }

    private static void Require(string value, string column, int maxLength, List<string> reasons)
    {
        if (value.Length == 0)
            reasons.Add($"{column} is missing");
        else if (value.Length > maxLength)
            reasons.Add($"{column} is longer than {maxLength} characters");
    }

    private static string? Allowed(string value, string column, Func<string, string?> normalize, string[] allowed, List<string> reasons)
    {
        if (value.Length == 0)
        {
            reasons.Add($"{column} is missing");
            return null;
        }
        var normalized = normalize(value);
        if (normalized is null)
            reasons.Add($"{column} '{value}' is not one of: {string.Join(", ", allowed)}");
        return normalized;
    }

    private decimal? Price(string value, List<string> reasons)
    {
        if (value.Length == 0)
        {
            reasons.Add("price is missing");
            return null;
        }
        if (!FeedValues.TryParsePrice(value, out var amount, out var currency))
        {
            reasons.Add($"price '{value}' is not a price like \"12.50 {shopCurrency}\"");
            return null;
        }
        if (currency is not null && currency != shopCurrency)
        {
            reasons.Add($"price currency {currency} does not match the shop currency {shopCurrency}");
            return null;
        }
        if (amount <= 0)
        {
            reasons.Add("price must be greater than zero");
            return null;
        }
        return amount;
    }

    private static string Https(string value, string column, List<string> reasons)
    {
        if (value.Length == 0)
            reasons.Add($"{column} is missing");
        else if (!FeedValues.IsHttpsUrl(value))
            reasons.Add($"{column} '{value}' is not an absolute https URL");
        return value;
    }

    private static int? Age(string value, string column, int whenEmpty, List<string> reasons)
    {
        if (value.Length == 0)
            return whenEmpty;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var age) && age <= FeedValues.MaxAge)
            return age;
        reasons.Add($"{column} '{value}' is not a whole number of years from 0 to {FeedValues.MaxAge}");
        return null;
    }
}
