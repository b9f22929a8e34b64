using GiftBot.Content;
using GiftBot.Conversations.Text;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Greeting;

/// <summary>
/// The {{token}} values for text the bot builds itself (FAQ answers, proactive messages), the same ones BotVoice uses
/// for content keys: the Page's details plus the shopper's first name and "back at" in their time zone.
/// </summary>
public sealed class TurnTokens
{
    private readonly BotTokens? _tokens;

    public TurnTokens(BotTokens? tokens = null) => _tokens = tokens;

    public IReadOnlyDictionary<string, string?> For(ITurnContext turnContext)
    {
        var shopper = turnContext.TurnState.Get<ShopperTokens>(BotVoice.ShopperTokensKey) ?? new ShopperTokens(Locale: BotVoice.LocaleOf(turnContext));
        return For(shopper with { Locale = shopper.Locale ?? BotVoice.LocaleOf(turnContext) });
    }

    /// <summary>Outside a turn (a follow-up), from what was remembered about the shopper.</summary>
    public IReadOnlyDictionary<string, string?> For(ShopperTokens shopper) =>
        _tokens?.ForShopper(shopper) ?? TokenContext.Empty.WithFirstName(shopper.FirstName);
}
