namespace GiftBot.Catalog.Feed;

/// <summary>Column names: Facebook's catalog feed columns, then the shop's own (age range and interest themes).</summary>
public static class FeedColumns
{
    public const string Id = "id";
    public const string Title = "title";
    public const string Description = "description";
    public const string Availability = "availability";
    public const string Condition = "condition";
    public const string Price = "price";
    public const string Link = "link";
    public const string ImageLink = "image_link";
    public const string Brand = "brand";
    public const string AgeMin = "age_min";
    public const string AgeMax = "age_max";
    public const string Interests = "interests";

    /// <summary>Without these a feed is not a product feed at all; brand and the shop columns may be absent.</summary>
    public static readonly string[] Required = [Id, Title, Description, Availability, Condition, Price, Link, ImageLink];
}
