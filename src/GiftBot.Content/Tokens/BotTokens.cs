using NodaTime;

namespace GiftBot.Content;

/// <summary>What the bot knows about the shopper it is answering (any field may be unknown).</summary>
/// <param name="TimeZone">IANA id or Messenger's UTC offset in hours ("-5", "5.5").</param>
public sealed record ShopperTokens(string? FirstName = null, string? Locale = null, string? TimeZone = null);

/// <summary>Builds the <see cref="TokenContext"/> for a reply: the Page's tokens for a locale plus the shopper's own.</summary>
public sealed class BotTokens(PageInfo page, PersonaProfile persona, HoursText hours, TimeProvider clock)
{
    /// <summary>The Page's tokens in <paramref name="locale"/>: page_name, website, phone, opening_hours, persona_name.</summary>
    public TokenContext ForPage(string? locale)
    {
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        return TokenContext.Empty
            .With(TokenNames.PageName, page.PageName(locale))
            .With(TokenNames.Website, page.Website)
            .With(TokenNames.Phone, page.Phone)
            .WithDeferred(TokenNames.OpeningHours, () => hours.Summary(locale, now))
            .With(TokenNames.PersonaName, persona.For(locale).Name);
    }

    /// <summary>The Page's tokens plus first_name and back_at (when the team is next available, in the shopper's time zone).</summary>
    public TokenContext ForShopper(ShopperTokens shopper)
    {
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        return ForPage(shopper.Locale)
            .WithFirstName(shopper.FirstName)
            .WithDeferred(TokenNames.BackAt, () => hours.BackAt(now, shopper.Locale, ShopperTimeZone.Parse(shopper.TimeZone)));
    }
}
