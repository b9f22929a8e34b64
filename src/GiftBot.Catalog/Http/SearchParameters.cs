using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace GiftBot.Catalog.Http;

/// <summary>
/// Reads /api/catalog/search's query string into a <see cref="ProductQuery"/>, collecting one message per bad
/// parameter (keyed by its name) for a validation problem response instead of failing on the first.
/// </summary>
internal static class SearchParameters
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;
    private const int MaxInterests = 20;

    public static ProductQuery Parse(IQueryCollection query, out Dictionary<string, string[]> errors)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var age = Integer(query, "age", 0, 120, "a whole number of years from 0 to 120", problems);
        var minPrice = Money(query, "minPrice", problems);
        var maxPrice = Money(query, "maxPrice", problems);
        var limit = Integer(query, "limit", 1, MaxLimit, $"a whole number from 1 to {MaxLimit}", problems) ?? DefaultLimit;
        var interests = List(query, "interests", problems);
        var excluded = List(query, "exclude", problems);
        var similarTo = Single(query, "similarTo", problems);
        var wish = Single(query, "wish", problems);
        if (wish is { Length: > 200 })
            problems["wish"] = ["wish takes at most 200 characters."];
        if (minPrice > maxPrice)
            problems.TryAdd("minPrice", ["minPrice must not be greater than maxPrice."]);
        errors = problems;
        return new ProductQuery
        {
            AgeMin = age,
            AgeMax = age,
            MinPrice = minPrice,
            MaxPrice = maxPrice,
            Interests = interests,
            ExcludedInterests = excluded,
            SimilarToProductId = string.IsNullOrWhiteSpace(similarTo) ? null : similarTo.Trim(),
            Wish = string.IsNullOrWhiteSpace(wish) || wish.Length > 200 ? null : wish.Trim(),
            Limit = limit,
        };
    }

    private static string? Single(IQueryCollection query, string name, Dictionary<string, string[]> problems)
    {
        if (!query.TryGetValue(name, out var values))
            return null;
        if (values.Count > 1)
        {
            problems[name] = [$"{name} must be given once."];
            return null;
        }
        return values[0];
    }

    private static int? Integer(IQueryCollection query, string name, int min, int max, string expected, Dictionary<string, string[]> problems)
    {
        var raw = Single(query, name, problems);
        if (raw is null)
            return null;
        if (int.TryParse(raw.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        problems[name] = [$"{name} must be {expected}; '{Shorten(raw)}' is not."];
        return null;
    }

    private static decimal? Money(IQueryCollection query, string name, Dictionary<string, string[]> problems)
    {
        var raw = Single(query, name, problems);
        if (raw is null)
            return null;
        if (decimal.TryParse(raw.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= 0 && value <= 1_000_000)
            return value;
        problems[name] = [$"{name} must be an amount from 0 to 1000000 like 24.99; '{Shorten(raw)}' is not."];
        return null;
    }

    private static IReadOnlyList<string> List(IQueryCollection query, string name, Dictionary<string, string[]> problems)
    {
        if (!query.TryGetValue(name, out var values))
            return [];
        var items = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        if (items.Length <= MaxInterests && items.All(i => i.Length <= 60))
            return items;
        problems[name] = [$"{name} takes at most {MaxInterests} comma-separated themes of up to 60 characters."];
        return [];
    }

    private static string Shorten(string raw) => raw.Length <= 40 ? raw : raw[..40] + "…";
}
