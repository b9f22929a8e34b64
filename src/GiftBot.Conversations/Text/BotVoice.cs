using GiftBot.Content;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Text;

/// <summary>
/// Everything the bot says, looked up by content key in the shopper's locale, with the persona tokens filled in.
/// A key holding several lines gives a random one, so repeated answers don't sound canned.
/// </summary>
public sealed class BotVoice
{
    private readonly IBotText _text;
    private readonly Func<string?, string?> _personaName;

    /// <param name="personaName">The persona's name for a locale (from the persona content); null leaves the token empty.</param>
    public BotVoice(IBotText text, Func<string?, string?>? personaName = null)
    {
        _text = text;
        _personaName = personaName ?? (_ => null);
    }

    public IBotText Text => _text;

    /// <summary>The shopper's locale: the activity's (Messenger writes "en_US"), or null for the content default.</summary>
    public static string? LocaleOf(ITurnContext turnContext) =>
        string.IsNullOrWhiteSpace(turnContext.Activity?.Locale) ? null : turnContext.Activity.Locale.Replace('_', '-');

    public string Line(ITurnContext turnContext, string key, IReadOnlyDictionary<string, string?>? tokens = null)
    {
        var variants = _text.GetVariants(key, LocaleOf(turnContext), WithPersona(turnContext, tokens));
        return variants.Count == 1 ? variants[0] : variants[Random.Shared.Next(variants.Count)];
    }

    public string Line(ITurnContext turnContext, string key, string token, string? value) =>
        Line(turnContext, key, new Dictionary<string, string?> { [token] = value });

    /// <summary>All lines of a list key (e.g. answer words), without tokens.</summary>
    public IReadOnlyList<string> List(ITurnContext turnContext, string key) =>
        _text.Has(key, LocaleOf(turnContext)) ? _text.GetVariants(key, LocaleOf(turnContext)) : [];

    public bool Has(ITurnContext turnContext, string key) => _text.Has(key, LocaleOf(turnContext));

    private Dictionary<string, string?> WithPersona(ITurnContext turnContext, IReadOnlyDictionary<string, string?>? tokens)
    {
        var all = new Dictionary<string, string?>(StringComparer.Ordinal) { [TokenNames.PersonaName] = _personaName(LocaleOf(turnContext)) };
        if (turnContext.TurnState.Get<ShopperName>() is { } name) all[TokenNames.FirstName] = name.FirstName;
        if (tokens is not null)
            foreach (var (key, value) in tokens) all[key] = value;
        return all;
    }
}

/// <summary>The shopper's first name for this turn, when the channel told us (set in turn state by whoever knows it).</summary>
public sealed record ShopperName(string? FirstName);
