using GiftBot.Dialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Dialogs.Prompts;

/// <summary>
/// Asks the user to pick one of <see cref="PromptOptions.Choices"/>; returns a <see cref="FoundChoice"/>.
/// The choices render per channel (<see cref="ListStyle.Auto"/>), and the answer may be the choice's text, a
/// synonym, part of it, an ordinal ("the second one") or a number ("2").
/// </summary>
public class ChoicePrompt : Prompt<FoundChoice>
{
    public ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null, string? defaultLocale = null)
        : base(dialogId, validator)
    {
        DefaultLocale = defaultLocale;
    }

    /// <summary>How choices are shown when <see cref="PromptOptions.Style"/> is not set.</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>Locale used when the activity has none (then en-us).</summary>
    public string? DefaultLocale { get; set; }

    /// <summary>Overrides the culture's words for inline lists.</summary>
    public ChoiceFactoryOptions? ChoiceOptions { get; set; }

    protected override async Task OnPromptAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var locale = Locale(turnContext, options);
        var factoryOptions = ChoiceOptions ?? CultureOptions(locale);
        var prompt = AppendChoices(
            SelectPrompt(options, isRetry), Channel.GetChannelId(turnContext), options.Choices, options.Style ?? Style,
            factoryOptions, cancellationToken);
        prompt.InputHint ??= InputHints.ExpectingInput;
        await turnContext.SendActivityAsync(prompt, cancellationToken).ConfigureAwait(false);
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = turnContext.Activity;
        var found = activity.Type == ActivityTypes.Message
            ? ChoiceRecognizers.RecognizeChoice(activity.Text, options.Choices, Locale(turnContext, options))
            : null;
        return Task.FromResult(new PromptRecognizerResult<FoundChoice> { Succeeded = found is not null, Value = found });
    }

    internal static ChoiceFactoryOptions CultureOptions(string locale)
    {
        var culture = PromptCulture.For(locale);
        return new ChoiceFactoryOptions
        {
            InlineSeparator = culture.Separator,
            InlineOr = culture.InlineOr,
            InlineOrMore = culture.InlineOrMore,
            IncludeNumbers = true,
        };
    }

    private string Locale(ITurnContext turnContext, PromptOptions options)
        => options.RecognizeLanguage ?? turnContext.Activity.Locale ?? DefaultLocale ?? PromptCulture.DefaultLocale;
}
