using GiftBot.Catalog;
using GiftBot.Conversations.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>
/// Applies how the gift finder was begun to the search: a saved recipient, slots from the first utterance, a
/// correction, or a refinement of the last carousel (more, cheaper, other interests, like this product).
/// </summary>
public sealed class SearchStarter
{
    private readonly SlotMerger _merger;
    private readonly AnswerRecorder _answers;
    private readonly IProductCatalog _catalog;
    private readonly RecommendationPresenter _presenter;
    private readonly BotVoice _voice;
    private readonly IOptions<GiftFinderOptions> _options;
    private readonly PeopleOneAtATime _people;
    private readonly CorrectionAcknowledgement _corrections;

    public SearchStarter(SlotMerger merger, AnswerRecorder answers, IProductCatalog catalog, RecommendationPresenter presenter, BotVoice voice, IOptions<GiftFinderOptions> options,
        PeopleOneAtATime people, CorrectionAcknowledgement corrections)
    {
        _people = people;
        _corrections = corrections;
        _merger = merger;
        _answers = answers;
        _catalog = catalog;
        _presenter = presenter;
        _voice = voice;
        _options = options;
    }

    /// <returns>False when the request is answered already and the finder should not go on (nothing cheaper to show).</returns>
    public async Task<bool> ApplyAsync(ITurnContext turnContext, GiftSearch search, GiftFinderStart start, CancellationToken cancellationToken)
    {
        if (start.Profile is { } profile)
        {
            search.NameRecipient(profile.Recipient);
            (search.AgeMin, search.AgeMax) = (profile.AgeMin, profile.AgeMax);
            search.Interests.AddRange(profile.Interests);
        }
        if (start.Slots is { } slots)
        {
            var merged = _merger.Merge(search, slots);
            if (merged.Budget is { } budget) await _answers.SendBudgetNotesAsync(turnContext, search, budget, cancellationToken);
            // "my nephew is 150": asked his age with no word on why, the shopper thinks the age went unread.
            if (slots.Age is { } age && !SlotLimits.IsPlausible(age) && search.AgeMin is null)
                await turnContext.SendActivityAsync(MessageFactory.Text(_voice.Line(turnContext, GiftFinderText.AgeAbsurd)), cancellationToken);
            if (!start.Fresh && merged.Any) await _corrections.SendAsync(turnContext, search, merged, cancellationToken);
            // "Lily 8 likes horses, Sam 5 likes dinosaurs": one person at a time, not one carousel that half fits both.
            if (start.Fresh && slots.People.Count > 1) await _people.StartAsync(turnContext, search, slots.People, cancellationToken);
        }
        if (start.NextPerson) await _people.NextAsync(turnContext, search, cancellationToken);
        return await RefineAsync(turnContext, search, start, cancellationToken);
    }

    private async Task<bool> RefineAsync(ITurnContext turnContext, GiftSearch search, GiftFinderStart start, CancellationToken cancellationToken)
    {
        switch (start.Refinement)
        {
            case Refinement.DifferentInterests: search.ClearInterests(); break;
            case Refinement.ChangeAge: search.ClearAge(); break;
            case Refinement.ChangeBudget: search.ClearBudget(); break;
            case Refinement.ShowMore: search.PendingRefinement = Refinement.ShowMore; break;
            case Refinement.Cheaper: return await CheaperAsync(turnContext, search, cancellationToken);
            case Refinement.Pricier: return await PricierAsync(turnContext, search, cancellationToken);
            case Refinement.MoreLikeThis:
                if (start.ProductId is { } id && await _catalog.GetAsync(id, cancellationToken) is { } product)
                {
                    search.SimilarToProductId = product.Id;
                    search.PendingRefinement = Refinement.MoreLikeThis;
                }
                else
                {
                    await SayAsync(turnContext, RecommendText.UnknownProduct, cancellationToken);
                }
                break;
        }
        return true;
    }

    /// <summary>Lowers the maximum below the cheapest product just shown (and to a share of the old maximum), in whole amounts.</summary>
    private async Task<bool> CheaperAsync(ITurnContext turnContext, GiftSearch search, CancellationToken cancellationToken)
    {
        var cheapest = search.LastShownMinPrice;
        var target = (cheapest, search.BudgetMax) switch
        {
            ({ } c, { } max) => Math.Min(c, max * _options.Value.CheaperFactor),
            ({ } c, null) => c,
            (null, { } max) => max * _options.Value.CheaperFactor,
            _ => (decimal?)null,
        };
        if (target is null)
        {
            search.ClearBudget(); // nothing shown and no budget yet: ask for one
            return true;
        }
        var newMax = Math.Floor(target.Value);
        if (cheapest is { } limit && newMax >= limit) newMax = Math.Ceiling(limit) - 1;
        if (newMax < 1)
        {
            search.CheapestShown = true;
            await turnContext.SendActivityAsync(_presenter.FollowUp(turnContext, RecommendText.NothingCheaper, search), cancellationToken);
            return false;
        }
        search.LowerBudget(newMax);
        search.PendingRefinement = Refinement.Cheaper;
        return true;
    }

    /// <summary>Above the dearest product just shown, never above the budget: when the cards on screen reach it already,
    /// says so and offers a higher one. Before any carousel there is nothing to be dearer than: the questions go on.</summary>
    private async Task<bool> PricierAsync(ITurnContext turnContext, GiftSearch search, CancellationToken cancellationToken)
    {
        if (!search.HasShownRecommendations || search.LastShownMaxPrice is not { } dearest) return true;
        // After "cheaper", dearer goes back up to the budget the shopper gave, not the one "cheaper" lowered it to.
        search.RestoreGivenBudget();
        if (search is { BudgetNoLimit: false, BudgetMax: { } max } && dearest >= max)
        {
            await turnContext.SendActivityAsync(_presenter.NothingPricier(turnContext, search), cancellationToken);
            return false;
        }
        search.PendingRefinement = Refinement.Pricier;
        return true;
    }

    private Task SayAsync(ITurnContext turnContext, string key, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text(_voice.Line(turnContext, key)), cancellationToken);
}
