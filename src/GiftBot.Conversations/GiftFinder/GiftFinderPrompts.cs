using GiftBot.Catalog;
using GiftBot.Conversations.Text;
using GiftBot.Dialogs.Choices;
using GiftBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>The gift finder's questions and their retry prompts, each with quick replies the channel can show.</summary>
public sealed class GiftFinderPrompts
{
    private readonly BotVoice _voice;
    private readonly SearchWords _words;
    private readonly IProductCatalog _catalog;

    public GiftFinderPrompts(BotVoice voice, SearchWords words, IProductCatalog catalog)
    {
        _voice = voice;
        _words = words;
        _catalog = catalog;
    }

    public PromptOptions Recipient(ITurnContext turnContext)
    {
        var choices = _voice.List(turnContext, GiftFinderText.RecipientChoices)
            .Select(r => QuickReplies.Answer(_voice.Has(turnContext, GiftFinderText.RecipientTitle(r)) ? _voice.Line(turnContext, GiftFinderText.RecipientTitle(r)) : r, r))
            .ToList();
        return Options(turnContext, GiftFinderText.AskRecipient, GiftFinderText.RetryRecipient, null, choices);
    }

    public PromptOptions Age(ITurnContext turnContext, GiftSearch search)
    {
        var self = SearchWords.IsSelf(search.Recipient);
        // The retry speaks to the same person as the question: "How old are you?" is never re-asked as "How old are they?".
        return Options(turnContext, self ? GiftFinderText.AskAgeSelf : GiftFinderText.AskAge, self ? GiftFinderText.RetryAgeSelf : GiftFinderText.RetryAge, search, [QuickReplies.Answer(_voice.Line(turnContext, GiftFinderText.NotSure))]);
    }

    /// <summary>"Which one is this gift for?" with the youngest and the oldest stated age as answers.</summary>
    public async Task<PromptOptions> WhichChildAsync(ITurnContext turnContext, GiftSearch search, CancellationToken cancellationToken)
    {
        var tokens = await ChildTokensAsync(search, cancellationToken);
        var choices = new[] { tokens["min"], tokens["max"] }.Select(a => QuickReplies.Answer(_voice.Line(turnContext, GiftFinderText.WhichChildChoice, "age", a), a!)).ToList();
        return new PromptOptions
        {
            Prompt = Question(turnContext, _voice.Line(turnContext, GiftFinderText.AskWhichChild, tokens), choices),
            RetryPrompt = Question(turnContext, _voice.Line(turnContext, GiftFinderText.RetryWhichChild, tokens), choices),
        };
    }

    /// <summary>A gift each but nothing suits every age: one child at a time, <paramref name="first"/> first, and how to ask for the other.</summary>
    public async Task<IMessageActivity> OneChildFirstAsync(ITurnContext turnContext, GiftSearch search, int first, CancellationToken cancellationToken)
    {
        var tokens = await ChildTokensAsync(search, cancellationToken);
        tokens["age"] = first.ToString(System.Globalization.CultureInfo.InvariantCulture);
        tokens["other"] = first == search.AgeMin ? tokens["max"] : tokens["min"];
        return MessageFactory.Text(_voice.Line(turnContext, GiftFinderText.OneChildFirst, tokens));
    }

    private async Task<Dictionary<string, string?>> ChildTokensAsync(GiftSearch search, CancellationToken cancellationToken) => new()
    {
        ["interests"] = await _words.InterestsAsync(search.Interests, cancellationToken),
        ["min"] = search.AgeMin!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["max"] = search.AgeMax!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Quick replies are the catalog's most popular themes (as many as the channel shows), then "surprise me".</summary>
    public async Task<PromptOptions> InterestsAsync(ITurnContext turnContext, GiftSearch search, CancellationToken cancellationToken)
    {
        var themes = await _catalog.GetThemesAsync(cancellationToken);
        var room = QuickReplies.MaxFor(turnContext.Activity.ChannelId) - 1;
        var choices = themes
            .Where(t => t.ProductCount > 0 && !search.ExcludedInterests.Contains(t.Name, StringComparer.OrdinalIgnoreCase))
            .Select(t => t.DisplayName)
            .Where(title => title.Length is > 0 and <= Channel.TruncatedTitleLength)
            .Take(room)
            .Select(title => QuickReplies.Answer(title))
            .Append(QuickReplies.Answer(_voice.Line(turnContext, GiftFinderText.SurpriseMe)))
            .ToList();
        var self = SearchWords.IsSelf(search.Recipient);
        return Options(turnContext, self ? GiftFinderText.AskInterestsSelf : GiftFinderText.AskInterests,
            self ? GiftFinderText.RetryInterestsSelf : GiftFinderText.RetryInterests, search, choices);
    }

    public PromptOptions Budget(ITurnContext turnContext)
    {
        var choices = _voice.List(turnContext, GiftFinderText.BudgetChoices)
            .Select(a => decimal.TryParse(a, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var amount) ? amount : 0)
            .Where(amount => amount > 0)
            .Select(amount => QuickReplies.Answer(_voice.Line(turnContext, GiftFinderText.BudgetUnder, "amount", _words.Money(turnContext, amount))))
            .Append(QuickReplies.Answer(_voice.Line(turnContext, GiftFinderText.BudgetNoLimit)))
            .ToList();
        return Options(turnContext, GiftFinderText.AskBudget, GiftFinderText.RetryBudget, null, choices);
    }

    private PromptOptions Options(ITurnContext turnContext, string askKey, string retryKey, GiftSearch? search, IList<Choice> choices)
    {
        var tokens = new Dictionary<string, string?> { ["recipient"] = _words.Recipient(turnContext, search?.Recipient, search?.RecipientWords, search?.RecipientOwner) };
        return new PromptOptions
        {
            Prompt = Question(turnContext, _voice.Line(turnContext, askKey, tokens), choices),
            RetryPrompt = Question(turnContext, _voice.Line(turnContext, retryKey, tokens), choices),
        };
    }

    private static Activity Question(ITurnContext turnContext, string text, IList<Choice> choices) =>
        (Activity)QuickReplies.Message(turnContext, text, choices, InputHints.ExpectingInput);
}
