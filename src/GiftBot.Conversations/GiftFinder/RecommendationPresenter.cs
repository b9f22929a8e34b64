using System.Globalization;
using GiftBot.Catalog;
using GiftBot.Conversations.Funnel;
using GiftBot.Conversations.Sharing;
using GiftBot.Conversations.State;
using GiftBot.Conversations.Text;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>
/// Asks the catalog for the search's next products and shows them: a note when a constraint was relaxed, an intro,
/// the carousel, then quick replies to refine. Products already shown in this search are never shown again.
/// </summary>
public sealed class RecommendationPresenter
{
    private readonly IProductCatalog _catalog;
    private readonly ProductCards _cards;
    private readonly BotVoice _voice;
    private readonly SearchWords _words;
    private readonly FunnelRecorder _funnel;
    private readonly IOptions<GiftFinderOptions> _options;
    private readonly ShownProducts _shown;
    private readonly ShareLinks? _share;
    private readonly PeopleOneAtATime? _people;

    public RecommendationPresenter(IProductCatalog catalog, ProductCards cards, BotVoice voice, SearchWords words, FunnelRecorder funnel, IOptions<GiftFinderOptions> options, ShownProducts shown,
        ShareLinks? share = null, PeopleOneAtATime? people = null)
    {
        _people = people;
        _share = share;
        _catalog = catalog;
        _cards = cards;
        _voice = voice;
        _words = words;
        _funnel = funnel;
        _options = options;
        _shown = shown;
    }

    // How many products already seen a changed search may look past to reach unseen ones (see PresentAsync).
    private const int MaxSeenSkipped = 50;

    /// <returns>The products shown (empty when nothing fitted).</returns>
    public async Task<IReadOnlyList<Product>> PresentAsync(ITurnContext turnContext, GiftSearch search, CancellationToken cancellationToken)
    {
        var refinement = search.PendingRefinement;
        var similar = search.SimilarToProductId is { } similarId ? await _catalog.GetAsync(similarId, cancellationToken) : null;
        // "More", "cheaper", "like this one" ask for products not seen yet. A search the shopper changed ("he's actually 7",
        // "only trains") asks what fits it now: products not seen yet come first, and the ones already on screen that fit
        // fill the carousel, rather than ideas for other interests under "That's all I have for trains".
        var seenAllowed = refinement == Refinement.None && search.HasShownRecommendations;
        var query = QueryFor(search, similar);
        // Room for the unseen ones behind the seen: a search shows tens of products, but "more" has no end, so it is capped.
        if (seenAllowed) query = query with { ExcludedProductIds = [], Limit = query.Limit + Math.Min(search.ShownProductIds.Count, MaxSeenSkipped) };
        // "Cheaper" means the next cheaper ideas, nearest the cards on screen first: the catalog ranks by fit, so the best
        // fits under the new ceiling may all be far below it (from €40 cards straight to €8 ones).
        if (refinement == Refinement.Cheaper) query = query with { Limit = CheaperLookup };
        var recommendation = await _catalog.RecommendAsync(query, cancellationToken);
        var products = recommendation.Products
            .Where(p => seenAllowed || !search.ShownProductIds.Contains(p.Id, StringComparer.Ordinal))
            .OrderBy(p => search.ShownProductIds.Contains(p.Id, StringComparer.Ordinal)) // stable: unseen first, each in the catalog's order
            // "Cheaper" means cheaper than everything just shown, even if the catalog had to stretch the budget.
            .Where(p => refinement != Refinement.Cheaper || search.LastShownMinPrice is not { } cheapest || p.Price < cheapest)
            // "More expensive" means dearer than everything just shown, and never over the budget to get there.
            .Where(p => refinement != Refinement.Pricier || p.Price > search.LastShownMaxPrice && (search.BudgetNoLimit || search.BudgetMax is not { } max || p.Price <= max))
            .DistinctBy(p => p.Id)
            .OrderByDescending(p => refinement == Refinement.Cheaper ? p.Price : 0) // stable: otherwise the catalog's order
            .Take(_options.Value.CarouselSize)
            .ToList();
        search.PendingRefinement = Refinement.None;
        search.SimilarToProductId = null;

        if (products.Count == 0)
        {
            await SendNothingAsync(turnContext, search, refinement, cancellationToken);
            return products;
        }
        search.CheapestShown = false;

        var themes = await _catalog.GetThemesAsync(cancellationToken);
        // Said in place of "nothing for lego fits" too: the shop has lego, above the budget.
        var namedOverBudget = refinement == Refinement.None && recommendation.Relaxed is RelaxedConstraint.None or RelaxedConstraint.Interests && !search.HasShownRecommendations
            ? await NamedOverBudgetAsync(turnContext, search, cancellationToken) : null;
        if (namedOverBudget is not null)
            await turnContext.SendActivityAsync(MessageFactory.Text(_voice.Line(turnContext, RecommendText.NamedOverBudget, new Dictionary<string, string?>
            {
                ["wish"] = SearchWords.AsSaidBack(namedOverBudget.Value.Words),
                ["title"] = namedOverBudget.Value.Product.Title,
                ["amount"] = _words.Money(turnContext, namedOverBudget.Value.Product.Price, _catalog.Currency),
                ["budget"] = _words.Money(turnContext, search.BudgetMax!.Value),
            })), cancellationToken);
        else if (await RelaxedNoteAsync(turnContext, search, recommendation, products, cancellationToken) is { } note)
            await turnContext.SendActivityAsync(MessageFactory.Text(note), cancellationToken);
        await turnContext.SendActivityAsync(MessageFactory.Text(Intro(turnContext, search, refinement, similar)), cancellationToken);

        var cards = new List<Attachment>();
        foreach (var product in products) cards.Add(await _cards.CardAsync(turnContext, product, search, themes, cancellationToken));
        await turnContext.SendActivityAsync(MessageFactory.Carousel(cards), cancellationToken);
        await turnContext.SendActivityAsync(FollowUp(turnContext, RecommendText.FollowUp, search,
            namedOverBudget is { Product.Price: var price } ? QuickReplies.Answer(_voice.Line(turnContext, RecommendText.UpTo, "amount", _words.Money(turnContext, price))) : null), cancellationToken);

        search.ShownProductIds.AddRange(products.Select(p => p.Id).Where(id => !search.ShownProductIds.Contains(id, StringComparer.Ordinal)));
        search.RememberCarousel(products.Select(p => p.Id));
        await _shown.RememberAsync(turnContext, products.Select(p => p.Id), cancellationToken);
        search.LastShownMinPrice = products.Min(p => p.Price);
        search.LastShownMaxPrice = products.Max(p => p.Price);
        await _funnel.RecordAsync(turnContext, FunnelEventKinds.RecommendationsShown, new Dictionary<string, string>
        {
            ["productIds"] = string.Join(",", products.Select(p => p.Id)),
            ["count"] = products.Count.ToString(CultureInfo.InvariantCulture),
            ["relaxed"] = recommendation.Relaxed.ToString(),
            ["refinement"] = refinement.ToString(),
        }, cancellationToken);
        return products;
    }

    /// <summary>
    /// Several children were named with their ages ("a 7 and a 4 year old") and what they love, but no product with it
    /// fits every one of those ages: the ages stay hard limits, so the finder asks whose gift this is instead of
    /// dropping what they love.
    /// </summary>
    public async Task<bool> NothingFitsEveryChildAsync(GiftSearch search, CancellationToken cancellationToken)
    {
        if (search is not { AgeMin: { } min, AgeMax: { } max, Interests.Count: > 0 } || max - min < 2
            || !search.AgeFitsEveryAge() || search.HasShownRecommendations) return false;
        var recommendation = await _catalog.RecommendAsync(QueryFor(search), cancellationToken);
        return recommendation.Relaxed == RelaxedConstraint.Interests;
    }

    /// <summary>Which child of <see cref="NothingFitsEveryChildAsync"/> to start with: the youngest whose age has something they love, else the youngest.</summary>
    public async Task<int> FirstChildAgeAsync(GiftSearch search, CancellationToken cancellationToken)
    {
        foreach (var age in new[] { search.AgeMin!.Value, search.AgeMax!.Value })
        {
            var recommendation = await _catalog.RecommendAsync(QueryFor(search) with { AgeMin = age, AgeMax = age }, cancellationToken);
            if (recommendation is { Relaxed: RelaxedConstraint.None, Products.Count: > 0 }) return age;
        }
        return search.AgeMin!.Value;
    }

    public ProductQuery QueryFor(GiftSearch search, Product? similar = null) => new()
    {
        AgeMin = search.AgeMin,
        AgeMax = search.AgeMax ?? search.AgeMin,
        AgeFitsEveryAge = search.AgeFitsEveryAge(),
        MinPrice = search is { PendingRefinement: Refinement.Pricier, LastShownMaxPrice: { } dearest } ? Math.Max(search.BudgetMin ?? 0, dearest) : search.BudgetMin,
        MaxPrice = search.BudgetNoLimit ? null : search.BudgetMax,
        Interests = similar?.Interests ?? search.Interests,
        Wish = similar is null ? search.Wish : null,
        ExcludedInterests = search.ExcludedInterests,
        ExcludedProductIds = search.ShownProductIds.ToHashSet(StringComparer.Ordinal),
        SimilarToProductId = similar?.Id,
        Limit = _options.Value.CarouselSize,
    };

    /// <summary>
    /// Named products as a carousel, outside any search (a product asked about, a friend's shared ideas, a shared product
    /// page): cards with their usual buttons, remembered as shown so "add the second one" means a card shown here (unless
    /// <c>rememberAsShown</c> is false: one card of the last carousel answered about, which stays the carousel pointed into).
    /// Ids the catalog no longer has are left out; returns the products shown.
    /// </summary>
    public async Task<IReadOnlyList<Product>> ShowProductsAsync(ITurnContext turnContext, IEnumerable<string> productIds, CancellationToken cancellationToken)
    {
        var products = new List<Product>();
        foreach (var id in productIds.Distinct(StringComparer.Ordinal).Take(_options.Value.CarouselSize))
            if (await _catalog.GetAsync(id, cancellationToken) is { } product) products.Add(product);
        return await ShowProductsAsync(turnContext, products, cancellationToken);
    }

    public async Task<IReadOnlyList<Product>> ShowProductsAsync(ITurnContext turnContext, IReadOnlyList<Product> products, CancellationToken cancellationToken,
        bool rememberAsShown = true)
    {
        if (products.Count == 0) return products;
        var themes = await _catalog.GetThemesAsync(cancellationToken);
        var search = new GiftSearch();
        var attachments = new List<Attachment>();
        foreach (var product in products) attachments.Add(await _cards.CardAsync(turnContext, product, search, themes, cancellationToken));
        await turnContext.SendActivityAsync(MessageFactory.Carousel(attachments), cancellationToken);
        if (rememberAsShown) await _shown.RememberAsync(turnContext, products.Select(p => p.Id), cancellationToken);
        return products;
    }

    /// <summary>Quick replies to refine the last carousel (show more, cheaper, other interests, start over), after the next
    /// person's when several were named and someone still waits.</summary>
    /// <param name="offer">A choice offered before the usual ones, after the next person's (raising the budget to a product
    /// the shopper named).</param>
    public IMessageActivity FollowUp(ITurnContext turnContext, string textKey, GiftSearch? search = null, GiftBot.Dialogs.Choices.Choice? offer = null)
    {
        List<GiftBot.Dialogs.Choices.Choice> choices = [];
        if (_people?.NextChoice(turnContext, search) is { } next) choices.Add(next);
        if (offer is not null) choices.Add(offer);
        // After "that's everything I have", another "Show more" would only say it again.
        if (textKey is not (RecommendText.NoMore or RecommendText.NoMoreAtCheapest)) choices.Add(QuickReplies.Command(_voice.Line(turnContext, RecommendText.ShowMore), Payloads.ShowMore));
        // Right after "those are already the cheapest", another "Cheaper" would only say it again.
        if (textKey != RecommendText.NothingCheaper && search?.CheapestShown != true) choices.Add(QuickReplies.Command(_voice.Line(turnContext, RecommendText.Cheaper), Payloads.Cheaper));
        choices.AddRange(
        [
            QuickReplies.Command(_voice.Line(turnContext, RecommendText.DifferentInterests), Payloads.DifferentInterests),
            QuickReplies.Command(_voice.Line(turnContext, RecommendText.StartOver), Payloads.StartOver),
        ]);
        // Offered only where it works: without the Page's name there is no link to give.
        if (_share?.Available == true) choices.Add(QuickReplies.Command(_voice.Line(turnContext, CommonText.ShareButton), Payloads.Share));
        return QuickReplies.Message(turnContext, _voice.Line(turnContext, textKey), choices);
    }

    /// <summary>Nothing dearer than the cards on screen within the budget: say so, and offer a higher budget to look at.</summary>
    public IMessageActivity NothingPricier(ITurnContext turnContext, GiftSearch search)
    {
        // Half as much again, in fives: a step up a shopper asking for "a bit more" would take.
        var higher = search is { BudgetNoLimit: false, BudgetMax: { } max } ? Math.Ceiling(max * 1.5m / 5) * 5 : (decimal?)null;
        var offer = higher is { } amount ? QuickReplies.Answer(_voice.Line(turnContext, RecommendText.UpTo, "amount", _words.Money(turnContext, amount))) : null;
        return FollowUp(turnContext, higher is null ? RecommendText.NothingPricierAtAll : RecommendText.NothingPricier, search, offer);
    }

    private async Task SendNothingAsync(ITurnContext turnContext, GiftSearch search, Refinement refinement, CancellationToken cancellationToken)
    {
        if (refinement == Refinement.Cheaper)
        {
            // The lowered budget found nothing: "show more" next goes on at the budget of the cards on screen.
            search.UndoLastCheaper();
            search.CheapestShown = true;
            await turnContext.SendActivityAsync(FollowUp(turnContext, RecommendText.NothingCheaper, search), cancellationToken);
            return;
        }
        if (refinement == Refinement.Pricier)
        {
            await turnContext.SendActivityAsync(NothingPricier(turnContext, search), cancellationToken);
            return;
        }
        if (search.HasShownRecommendations)
        {
            // Right after "those are already the cheapest", "something cheaper?" would only say it again.
            await turnContext.SendActivityAsync(FollowUp(turnContext, search.CheapestShown ? RecommendText.NoMoreAtCheapest : RecommendText.NoMore, search), cancellationToken);
            return;
        }
        if (await CheapestOverBudgetAsync(search, cancellationToken) is { } closest)
        {
            var amount = _words.Money(turnContext, closest);
            await turnContext.SendActivityAsync(QuickReplies.Message(turnContext,
                _voice.Line(turnContext, RecommendText.BudgetBelowCheapest, new Dictionary<string, string?> { ["budget"] = _words.Money(turnContext, search.BudgetMax!.Value), ["amount"] = amount }),
            [
                QuickReplies.Answer(_voice.Line(turnContext, RecommendText.UpTo, "amount", amount)),
                QuickReplies.Command(_voice.Line(turnContext, RecommendText.ChangeInterests), Payloads.DifferentInterests),
                QuickReplies.Command(_voice.Line(turnContext, RecommendText.StartOver), Payloads.StartOver),
            ]), cancellationToken);
            return;
        }
        // Nothing for this person: the next one waiting is still offered.
        await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, _voice.Line(turnContext, RecommendText.None),
        [
            .. _people?.NextChoice(turnContext, search) is { } next ? [next] : Array.Empty<GiftBot.Dialogs.Choices.Choice>(),
            QuickReplies.Command(_voice.Line(turnContext, RecommendText.ChangeAge), Payloads.ChangeAge),
            QuickReplies.Command(_voice.Line(turnContext, RecommendText.ChangeBudget), Payloads.ChangeBudget),
            QuickReplies.Command(_voice.Line(turnContext, RecommendText.ChangeInterests), Payloads.DifferentInterests),
            QuickReplies.Command(_voice.Line(turnContext, RecommendText.StartOver), Payloads.StartOver),
        ]), cancellationToken);
    }

    /// <summary>
    /// "Nothing over a fiver": when only the budget stands in the way, the lowest price among the best matches for
    /// everything else (other interests allowed, as a search would relax them), so the shopper can choose to go that far;
    /// null otherwise. The catalog ranks by fit, not price, so in a large catalog a cheaper product that fits less well
    /// may exist; the price offered is one at which good matches are found.
    /// </summary>
    private async Task<decimal?> CheapestOverBudgetAsync(GiftSearch search, CancellationToken cancellationToken)
    {
        if (search.BudgetNoLimit || search.BudgetMax is not { } max) return null;
        var withoutBudget = await _catalog.RecommendAsync(QueryFor(search) with { MinPrice = null, MaxPrice = null, Limit = CheapestLookup }, cancellationToken);
        return withoutBudget.Products.Where(p => p.Price > max).Select(p => (decimal?)p.Price).Min();
    }

    // How many of the best matches the lowest price is taken from.
    private const int CheapestLookup = 50;

    // How many fitting products under the lowered budget "cheaper" picks the dearest from.
    private const int CheaperLookup = 50;

    /// <summary>
    /// "Loves horses, €30" when the shop's only horse is a €49 stable: the carousel shows other animal ideas within the
    /// budget, which reads as if the shop had no horses. The shopper should hear that it has, and what it costs. A part of
    /// what they love ("horses" of "horses and drawing") that names products (<see cref="IProductCatalog.FindByNameAsync"/>,
    /// cheapest first): the cheapest of them within every other hard limit, when it is above the budget. Null otherwise.
    /// </summary>
    private async Task<(string Words, Product Product)?> NamedOverBudgetAsync(ITurnContext turnContext, GiftSearch search, CancellationToken cancellationToken)
    {
        if (search is not { Wish: { } wish, BudgetMax: { } max, BudgetNoLimit: false }) return null;
        var joiners = _voice.List(turnContext, RecommendText.WishJoiners);
        foreach (var part in WishParts(wish, joiners))
            foreach (var named in await _catalog.FindByNameAsync(part, NamedLookup, cancellationToken))
            {
                if (!await WithinLimitsButPriceAsync(search, named, cancellationToken)) continue;
                if (named.Price > max) return (part, named);
                break;
            }
        return null;
    }

    private const int NamedLookup = 20;

    // The catalog's own hard limits (age, stock, what was ruled out, by theme or word), the price left out, asked of this
    // one product: searching every product at its price allocated up to a thousand results per named product (a new
    // shopper's turn went from 0.6 to 1.25 MB in a 100,000-product catalog).
    private Task<bool> WithinLimitsButPriceAsync(GiftSearch search, Product product, CancellationToken cancellationToken) =>
        _catalog.IsWithinLimitsAsync(QueryFor(search) with { MinPrice = null, MaxPrice = null, Interests = [], Wish = null }, product.Id, cancellationToken);

    private static IEnumerable<string> WishParts(string wish, IReadOnlyList<string> joiners)
    {
        var parts = new List<string> { wish };
        foreach (var joiner in joiners)
            parts = parts.SelectMany(p => joiner.All(char.IsLetter)
                ? System.Text.RegularExpressions.Regex.Split(p, $@"\b{System.Text.RegularExpressions.Regex.Escape(joiner)}\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
                : p.Split(joiner)).ToList();
        return parts.Select(p => p.Trim()).Where(p => p.Length > 0);
    }

    private async Task<string?> RelaxedNoteAsync(ITurnContext turnContext, GiftSearch search, Recommendation recommendation, IReadOnlyList<Product> products, CancellationToken cancellationToken)
    {
        // No theme of the catalog is about what they love: say so before showing what comes closest in meaning.
        if (search is { Interests.Count: 0, Wish: { } wish } && !search.HasShownRecommendations && recommendation.Relaxed == RelaxedConstraint.None)
            return _voice.Line(turnContext, RecommendText.RelaxedWish, "wish", SearchWords.AsSaidBack(wish));
        if (RecommendText.For(recommendation.Relaxed) is not { } key) return null;
        // The interests only ran out because their products were shown already ("show more", "cheaper").
        if (recommendation.Relaxed == RelaxedConstraint.Interests && search.HasShownRecommendations
            && (await _catalog.RecommendAsync(QueryFor(search) with { ExcludedProductIds = [] }, cancellationToken)).Relaxed == RelaxedConstraint.None)
            key = RecommendText.RelaxedInterestsAllShown;
        var relaxedMax = recommendation.RelaxedMaxPrice ?? products.Max(p => p.Price);
        return _voice.Line(turnContext, key, new Dictionary<string, string?>
        {
            ["interests"] = await _words.InterestsAsync(search.Interests, cancellationToken),
            ["budget"] = search.BudgetMax is { } max ? _words.Money(turnContext, max) : null,
            ["min"] = search.BudgetMin is { } min ? _words.Money(turnContext, min) : null,
            ["relaxed_budget"] = _words.Money(turnContext, relaxedMax),
        });
    }

    private string Intro(ITurnContext turnContext, GiftSearch search, Refinement refinement, Product? similar) => refinement switch
    {
        Refinement.ShowMore => _voice.Line(turnContext, RecommendText.IntroMore),
        Refinement.Cheaper when search.BudgetMax is { } max => _voice.Line(turnContext, RecommendText.IntroCheaper, "budget", _words.Money(turnContext, max)),
        Refinement.Pricier => _voice.Line(turnContext, RecommendText.IntroPricier),
        Refinement.MoreLikeThis when similar is not null => _voice.Line(turnContext, RecommendText.IntroSimilar, "title", similar.Title),
        // A person named by the shopper ("Lily") is called by that name.
        _ => _voice.Line(turnContext, RecommendText.Intro, "recipient", search.PersonName ?? _words.Recipient(turnContext, search.Recipient, search.RecipientWords, search.RecipientOwner)),
    };
}
