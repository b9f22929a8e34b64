using GiftBot.Content;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Text;

/// <summary>
/// Everything the bot says, looked up by content key in the shopper's locale, with the Page's and the shopper's tokens
/// ({{persona_name}}, {{first_name}}, ...) filled in. A key holding several lines gives a random one, so repeated
/// answers don't sound canned.
/// </summary>
public sealed class BotVoice
{
    private readonly IBotText _text;
    private readonly BotTokens? _tokens;

    /// <param name="tokens">The Page's and persona's token values; without them only the tokens a caller passes are filled.</param>
    public BotVoice(IBotText text, BotTokens? tokens = null)
    {
        _text = text;
        _tokens = tokens;
    }

    /// <summary>The shopper's locale: the activity's (Messenger writes "en_US"), or null for the content default.</summary>
    public static string? LocaleOf(ITurnContext turnContext) =>
        string.IsNullOrWhiteSpace(turnContext.Activity?.Locale) ? null : turnContext.Activity.Locale.Replace('_', '-');

    public string Line(ITurnContext turnContext, string key, IReadOnlyDictionary<string, string?>? tokens = null)
    {
        var variants = _text.GetVariants(key, LocaleOf(turnContext), TokensFor(turnContext, tokens));
        return variants.Count == 1 ? variants[0] : variants[Random.Shared.Next(variants.Count)];
    }

    /// <summary>Variant number <paramref name="index"/> of a key (wrapping round), for lines that rotate (<see cref="VariedLines"/>).</summary>
    public string Variant(ITurnContext turnContext, string key, int index)
    {
        var variants = _text.GetVariants(key, LocaleOf(turnContext), TokensFor(turnContext, null));
        return variants[index % variants.Count];
    }

    public string Line(ITurnContext turnContext, string key, string token, string? value) =>
        Line(turnContext, key, new Dictionary<string, string?> { [token] = value });

    /// <summary>All lines of a list key (e.g. answer words), without tokens; empty when the key is missing.</summary>
    public IReadOnlyList<string> List(ITurnContext turnContext, string key) =>
        _text.Has(key, LocaleOf(turnContext)) ? _text.GetVariants(key, LocaleOf(turnContext)) : [];

    public bool Has(ITurnContext turnContext, string key) => _text.Has(key, LocaleOf(turnContext));

    /// <summary>Several things as one phrase: "a", "a and b", "a, b and c".</summary>
    public string ListOf(ITurnContext turnContext, IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Join("", items) : $"{string.Join(", ", items.Take(items.Count - 1))} {Line(turnContext, CommonText.ListAnd)} {items[^1]}";

    // What the channel told us about the shopper (first name, time zone) is put in turn state by the channel layer.
    private IReadOnlyDictionary<string, string?> TokensFor(ITurnContext turnContext, IReadOnlyDictionary<string, string?>? tokens)
    {
        var context = ShopperContext(turnContext);
        return tokens is null ? context : context.Merge(tokens);
    }

    /// <summary>
    /// Where the channel layer puts what it knows about the shopper (<see cref="ShopperTokens"/>) for the turn. Short keys:
    /// TurnState hashes its keys culture-aware and case-insensitively, and these are read for every line.
    /// </summary>
    public const string ShopperTokensKey = "gb.shopper";
    private const string ShopperTokenCacheKey = "gb.shopper.context";

    // Every line of a turn speaks to the same shopper: their token values are built once a turn (kept in turn state,
    // rebuilt if the channel layer changes what it knows about them), not once a line.
    private TokenContext ShopperContext(ITurnContext turnContext)
    {
        var known = turnContext.TurnState.Get<ShopperTokens>(ShopperTokensKey);
        var locale = LocaleOf(turnContext);
        var cached = turnContext.TurnState.Get<ShopperTokenCache>(ShopperTokenCacheKey);
        if (cached is not null && ReferenceEquals(cached.Known, known) && cached.ActivityLocale == locale) return cached.Context;
        var shopper = known is null ? new ShopperTokens(Locale: locale) : known with { Locale = known.Locale ?? locale };
        if (cached is not null && cached.Shopper == shopper) return cached.Context;
        var context = _tokens?.ForShopper(shopper) ?? TokenContext.Empty.WithFirstName(shopper.FirstName);
        turnContext.TurnState[ShopperTokenCacheKey] = new ShopperTokenCache(known, locale, shopper, context);
        return context;
    }

    private sealed record ShopperTokenCache(ShopperTokens? Known, string? ActivityLocale, ShopperTokens Shopper, TokenContext Context);
}
