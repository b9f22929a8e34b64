using GiftBot.Dialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Dialogs.Prompts;

/// <summary>
/// Asks a yes/no question; returns a bool. Understands the usual variants ("yeah", "sure", "nope", "no thanks")
/// and the offered choices by position ("1", "2", "the first one").
/// </summary>
public class ConfirmPrompt : Prompt<bool>
{
    public ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null, string? defaultLocale = null)
        : base(dialogId, validator)
    {
        DefaultLocale = defaultLocale;
    }

    /// <summary>How the yes/no choices are shown when <see cref="PromptOptions.Style"/> is not set.</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    public string? DefaultLocale { get; set; }

    /// <summary>The yes and no choices to show; the culture's "Yes"/"No" when null (set them from content).</summary>
    public Tuple<Choice, Choice>? ConfirmChoices { get; set; }

    public ChoiceFactoryOptions? ChoiceOptions { get; set; }

    protected override async Task OnPromptAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var locale = Locale(turnContext, options);
        var prompt = AppendChoices(
            SelectPrompt(options, isRetry), Channel.GetChannelId(turnContext), Choices(locale), options.Style ?? Style,
            ChoiceOptions ?? ChoicePrompt.CultureOptions(locale), cancellationToken);
        prompt.InputHint ??= InputHints.ExpectingInput;
        await turnContext.SendActivityAsync(prompt, cancellationToken).ConfigureAwait(false);
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var result = new PromptRecognizerResult<bool>();
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(activity.Text))
        {
            return Task.FromResult(result);
        }

        var locale = Locale(turnContext, options);
        var answer = BooleanRecognizer.Recognize(activity.Text, locale);
        if (answer is null && ChoiceRecognizers.RecognizeChoice(activity.Text, Choices(locale), locale) is { } found)
        {
            answer = found.Index == 0;
        }

        if (answer is { } value)
        {
            result.Succeeded = true;
            result.Value = value;
        }

        return Task.FromResult(result);
    }

    private IList<Choice> Choices(string locale)
    {
        if (ConfirmChoices is { } custom)
        {
            return [custom.Item1, custom.Item2];
        }

        var culture = PromptCulture.For(locale);
        return [new Choice(culture.YesText), new Choice(culture.NoText)];
    }

    private string Locale(ITurnContext turnContext, PromptOptions options)
        => options.RecognizeLanguage ?? turnContext.Activity.Locale ?? DefaultLocale ?? PromptCulture.DefaultLocale;
}
