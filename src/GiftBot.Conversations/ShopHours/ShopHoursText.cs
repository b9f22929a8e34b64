namespace GiftBot.Conversations.ShopHours;

/// <summary>Content keys for questions about one day's hours (content/text/&lt;locale&gt;/hours.json, hours.asked.*).</summary>
public static class ShopHoursText
{
    public const string HoursWords = "hours.asked.words";
    public const string TodayWords = "hours.asked.today";
    public const string TomorrowWords = "hours.asked.tomorrow";
    public const string Ordinals = "hours.asked.ordinals";
    public const string DatePrefixes = "hours.asked.datePrefixes";
    public const string GiftWords = "hours.asked.giftWords";
    public const string NameOptionalWords = "hours.asked.nameOptionalWords";
}
