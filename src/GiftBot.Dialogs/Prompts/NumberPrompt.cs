using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Recognizers.Text.Number;

namespace GiftBot.Dialogs.Prompts;

/// <summary>
/// Asks for a number; T is int, long, float, double or decimal. Digits and words ("seven", "twenty five") are
/// read with Microsoft.Recognizers.Text in the activity's culture (default en-us). A number that does not fit T
/// (a fraction for an int, an overflow) is not recognised, so the user gets the retry prompt.
/// </summary>
public class NumberPrompt<T> : Prompt<T>
    where T : struct
{
    public NumberPrompt(string dialogId, PromptValidator<T>? validator = null, string? defaultLocale = null)
        : base(dialogId, validator)
    {
        if (typeof(T) != typeof(int) && typeof(T) != typeof(long) && typeof(T) != typeof(float)
            && typeof(T) != typeof(double) && typeof(T) != typeof(decimal))
        {
            throw new NotSupportedException($"NumberPrompt supports int, long, float, double and decimal, not {typeof(T).Name}.");
        }

        DefaultLocale = defaultLocale;
    }

    public string? DefaultLocale { get; set; }

    protected override async Task OnPromptAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (SelectPrompt(options, isRetry) is { } prompt)
        {
            await turnContext.SendActivityAsync(prompt, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var result = new PromptRecognizerResult<T>();
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(activity.Text))
        {
            return Task.FromResult(result);
        }

        var locale = options.RecognizeLanguage ?? activity.Locale ?? DefaultLocale ?? PromptCulture.DefaultLocale;
        var culture = PromptCulture.RecognizerCulture(locale);
        var found = NumberRecognizer.RecognizeNumber(activity.Text, culture);
        if (found.Count > 0 && found[0].Resolution?.TryGetValue("value", out var raw) == true
            && TryConvert(raw?.ToString(), CultureInfo.GetCultureInfo(culture), out var value))
        {
            result.Succeeded = true;
            result.Value = value;
        }

        return Task.FromResult(result);
    }

    // Recognizers resolve values in the input culture's format ("3,5" in German, "3.5" in English) without
    // thousands separators; the invariant parse covers cultures that answer in invariant format.
    private static bool TryConvert(string? text, CultureInfo culture, out T value)
    {
        value = default;
        if (!decimal.TryParse(text, NumberStyles.Float, culture, out var number)
            && !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            // Values beyond decimal's range (e.g. "a trillion trillion") only fit floating point.
            if ((typeof(T) == typeof(double) || typeof(T) == typeof(float))
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var big)
                && double.IsFinite(big) && (typeof(T) == typeof(double) || float.IsFinite((float)big)))
            {
                value = (T)Convert.ChangeType(big, typeof(T), CultureInfo.InvariantCulture);
                return true;
            }

            return false;
        }

        if ((typeof(T) == typeof(int) || typeof(T) == typeof(long)) && number != decimal.Truncate(number))
        {
            return false;
        }

        try
        {
            value = (T)Convert.ChangeType(number, typeof(T), CultureInfo.InvariantCulture);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
