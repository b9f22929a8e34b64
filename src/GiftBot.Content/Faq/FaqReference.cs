using System.Text.RegularExpressions;

namespace GiftBot.Content;

/// <summary>
/// An FAQ answer that asks the shopper for something the team needs to act ("tell us your order number"). When the
/// shopper gives it, in the question itself or in the next message, the bot says it is noted, writes <see cref="Note"/>
/// on the customer card for the team and passes the conversation to people, instead of repeating the answer.
/// </summary>
public sealed record FaqReference(Regex Pattern, LocalizedText Noted, LocalizedText Note)
{
    /// <summary>The token that holds what the shopper gave, in <see cref="Noted"/> and <see cref="Note"/>.</summary>
    public const string Token = "reference";

    // A shopper's message is short; the bound keeps a marketer's pattern from stalling a turn on hostile input.
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(50);

    /// <summary>The first reference in <paramref name="text"/> as written (without a leading '#'), or null.</summary>
    public string? FindIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            var match = Pattern.Match(text);
            return match.Success ? match.Value.TrimStart('#').Trim() : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    public static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
}
