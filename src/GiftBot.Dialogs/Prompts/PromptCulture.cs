using Microsoft.Recognizers.Text;

namespace GiftBot.Dialogs.Prompts;

/// <summary>
/// Per-language defaults the prompts need to read answers and join inline lists (the same role as Bot Framework's
/// PromptCultureModels). Everything here can be overridden: ConfirmPrompt.ConfirmChoices, ChoiceFactoryOptions.
/// </summary>
public sealed record PromptCulture(
    string Locale,
    string Separator,
    string InlineOr,
    string InlineOrMore,
    string YesText,
    string NoText,
    IReadOnlyList<string> YesPhrases,
    IReadOnlyList<string> NoPhrases,
    IReadOnlyList<string> UnsurePhrases)
{
    public const string DefaultLocale = "en-us";

    private static readonly PromptCulture English = new(
        "en-us", ", ", " or ", ", or ", "Yes", "No",
        ["yes", "y", "yeah", "yea", "yep", "yup", "ya", "sure", "ok", "okay", "k", "of course", "absolutely",
         "definitely", "certainly", "correct", "right", "that's right", "thats right", "please do", "go ahead",
         "sounds good", "yes please", "affirmative", "true", "👍"],
        ["no", "n", "nope", "nah", "no thanks", "no thank you", "not really", "never", "negative", "false",
         "don't", "dont", "not at all", "no way", "👎"],
        ["not sure", "unsure", "maybe", "don't know", "dont know", "dunno", "no idea", "perhaps"]);

    private static readonly Dictionary<string, PromptCulture> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = English,
        ["es"] = new("es-es", ", ", " o ", ", o ", "Sí", "No",
            ["si", "sí", "s", "claro", "vale", "de acuerdo", "por supuesto", "ok"],
            ["no", "n", "no gracias", "nunca"], ["no sé", "no se", "quizás", "quizas", "tal vez"]),
        ["fr"] = new("fr-fr", ", ", " ou ", ", ou ", "Oui", "Non",
            ["oui", "o", "ouais", "bien sûr", "bien sur", "d'accord", "ok"],
            ["non", "n", "non merci", "jamais"], ["je ne sais pas", "peut-être", "peut etre"]),
        ["de"] = new("de-de", ", ", " oder ", " oder ", "Ja", "Nein",
            ["ja", "j", "klar", "gerne", "natürlich", "ok", "okay"],
            ["nein", "n", "nee", "nein danke", "niemals"], ["weiß nicht", "weiss nicht", "vielleicht"]),
        ["nl"] = new("nl-nl", ", ", " of ", " of ", "Ja", "Nee",
            ["ja", "j", "zeker", "prima", "ok", "oké"],
            ["nee", "n", "nee bedankt", "nooit"], ["weet niet", "misschien"]),
        ["pt"] = new("pt-br", ", ", " ou ", ", ou ", "Sim", "Não",
            ["sim", "s", "claro", "ok"], ["não", "nao", "n", "não obrigado", "nunca"], ["não sei", "nao sei", "talvez"]),
        ["it"] = new("it-it", ", ", " o ", " o ", "Sì", "No",
            ["sì", "si", "s", "certo", "va bene", "ok"], ["no", "n", "no grazie", "mai"], ["non so", "forse"]),
    };

    /// <summary>The culture for a locale such as "fr-CA"; English when the language is not known.</summary>
    public static PromptCulture For(string? locale)
    {
        var language = string.IsNullOrWhiteSpace(locale) ? "en" : locale.Split('-', '_')[0];
        return ByLanguage.TryGetValue(language, out var culture) ? culture : English;
    }

    /// <summary>The Microsoft.Recognizers.Text culture nearest to <paramref name="locale"/> (default en-us).</summary>
    public static string RecognizerCulture(string? locale)
    {
        var requested = string.IsNullOrWhiteSpace(locale) ? DefaultLocale : locale.ToLowerInvariant();
        var mapped = Culture.MapToNearestLanguage(requested);
        return Culture.GetSupportedCultureCodes().Contains(mapped) ? mapped : Culture.English;
    }
}
