using System.Globalization;
using NodaTime;

namespace GiftBot.Content;

/// <summary>
/// A shopper's time zone as channels report it: Messenger's User Profile gives a UTC offset in hours (-5, 5.5),
/// Bot Framework's activity gives an IANA id ("America/New_York"). Anything else is treated as unknown.
/// </summary>
public static class ShopperTimeZone
{
    public static DateTimeZone? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours)) return FromOffsetHours(hours);
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(trimmed);
    }

    /// <summary>A fixed-offset zone for Messenger's "timezone" number; null when outside the real range (-12 to +14).</summary>
    public static DateTimeZone? FromOffsetHours(double hours)
    {
        if (double.IsNaN(hours) || hours < -12 || hours > 14) return null;
        return DateTimeZone.ForOffset(Offset.FromSeconds((int)Math.Round(hours * 3600)));
    }
}
