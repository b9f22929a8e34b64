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
        return TokenContext.Empty.WithAll(PageTokens(locale, now));
    }

    /// <summary>The Page's tokens plus first_name and back_at (when the team is next available, in the shopper's time zone).</summary>
    public TokenContext ForShopper(ShopperTokens shopper)
    {
        ArgumentNullException.ThrowIfNull(shopper);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        // One dictionary for the seven tokens, not one copy per token.
        return TokenContext.Empty.WithAll([
            .. PageTokens(shopper.Locale, now),
            TokenValue.Of(TokenNames.FirstName, shopper.FirstName),
            TokenValue.Deferred(TokenNames.BackAt, () => hours.BackAt(now, shopper.Locale, ShopperTimeZone.Parse(shopper.TimeZone))),
        ]);
    }

    private TokenValue[] PageTokens(string? locale, Instant now) =>
    [
        TokenValue.Of(TokenNames.PageName, page.PageName(locale)),
        TokenValue.Of(TokenNames.Website, page.Website),
        TokenValue.Of(TokenNames.Phone, page.Phone),
        TokenValue.Deferred(TokenNames.OpeningHours, () => hours.Summary(locale, now)),
        TokenValue.Of(TokenNames.PersonaName, persona.For(locale).Name),
    ];
}
