namespace GiftBot.Conversations.GiftFinder;

/// <summary>
/// What the shopper told us in the current search, kept in ConversationState (plain JSON) so refinements such as
/// "show more" or "cheaper" still work after the gift finder has shown its carousel and ended.
/// </summary>
public sealed class GiftSearch
{
    /// <summary>Canonical relationship ("nephew", "partner", "myself"); null until known.</summary>
    public string? Recipient { get; set; }
    /// <summary>The shopper's words for the recipient ("sister in law"), for naming them as the shopper did; null when unknown.</summary>
    public string? RecipientWords { get; set; }
    /// <summary>Whose relation they are, in the shopper's words ("my friend's" of "my friend's daughter"); null when the shopper's own.</summary>
    public string? RecipientOwner { get; set; }

    /// <summary>Who the gift is for now: the words and owner of an earlier recipient never stay with a new one.</summary>
    public void NameRecipient(string? recipient, string? words = null, string? owner = null) =>
        (Recipient, RecipientWords, RecipientOwner) = (recipient, words, owner);

    public int? AgeMin { get; set; }
    public int? AgeMax { get; set; }
    /// <summary>The shopper said they don't know the age: the question counts as answered, without an age filter.</summary>
    public bool AgeUnknown { get; set; }
    /// <summary>The band the recipient implies ("adult" for a wife) when no age was said; AgeMin/AgeMax then hold it.</summary>
    public string? AgeBand { get; set; }
    /// <summary>The range is a band one person is in ("a teenager") or an ad's audience ("kids 5-12"), not stated ages: products need only overlap it.</summary>
    public bool AgeIsBand { get; set; }
    /// <summary>Stated ages ("5 and 8", "a 5-6 year old") are hard limits for every age in the range; a band only needs overlap.</summary>
    public bool AgeFitsEveryAge() => AgeBand is null && !AgeIsBand;

    /// <summary>Catalog theme names, in the order the shopper gave them.</summary>
    public List<string> Interests { get; set; } = [];
    public List<string> ExcludedInterests { get; set; } = [];
    /// <summary>"Surprise me": the interests question counts as answered, without an interest filter.</summary>
    public bool InterestsOpen { get; set; }
    /// <summary>What the recipient loves in the shopper's words ("trucks"); ranks products by meaning.</summary>
    public string? Wish { get; set; }

    public decimal? BudgetMin { get; set; }
    public decimal? BudgetMax { get; set; }
    public bool BudgetNoLimit { get; set; }
    /// <summary>How many gifts the budget is for ("30 each for the twins" is 2 gifts of up to 30).</summary>
    public int GiftCount { get; set; } = 1;
    /// <summary>The budget as the shopper gave it, kept while "cheaper" has lowered it: the next person gets this one back.</summary>
    public GivenBudget? BudgetBeforeCheaper { get; set; }
    /// <summary>The budget the cards on screen were found at, before the last "cheaper" lowered it: back to it when that
    /// found nothing.</summary>
    public GivenBudget? BudgetBeforeLastCheaper { get; set; }
    /// <summary>"Cheaper" just found nothing cheaper than the cards on screen: not offered again until other cards are shown.</summary>
    public bool CheapestShown { get; set; }

    public string? Occasion { get; set; }

    /// <summary>The name the shopper gave the person served now ("Lily"), shown as they wrote it; null for a recipient word or one person.</summary>
    public string? PersonName { get; set; }
    /// <summary>People named in the same message still to be served, in the order written ("Lily 8 likes horses, Sam 5 likes
    /// dinosaurs": Sam, after Lily's carousel). Empty for one person; state written before it existed reads as empty.</summary>
    public List<PersonToServe> PeopleToServe { get; set; } = [];

    /// <summary>Every product shown in this search: never shown twice.</summary>
    public List<string> ShownProductIds { get; set; } = [];
    /// <summary>Each carousel of this search, its product ids in the order shown, the latest last: "go back to the first
    /// ones" shows one again. Capped at <see cref="MaxCarouselsKept"/>, the oldest after the first dropped.</summary>
    public List<List<string>> Carousels { get; set; } = [];
    public const int MaxCarouselsKept = 10;

    public void RememberCarousel(IEnumerable<string> productIds)
    {
        Carousels.Add([.. productIds]);
        if (Carousels.Count > MaxCarouselsKept) Carousels.RemoveAt(1);
    }

    /// <summary>Price of the cheapest product in the last carousel: "cheaper" goes below it.</summary>
    public decimal? LastShownMinPrice { get; set; }
    /// <summary>Price of the dearest product in the last carousel: "something more expensive" goes above it.</summary>
    public decimal? LastShownMaxPrice { get; set; }
    /// <summary>How the next carousel was asked for (more, cheaper, like a product), for its intro line.</summary>
    public Refinement PendingRefinement { get; set; }
    /// <summary>Set while a refinement asks for products like this one.</summary>
    public string? SimilarToProductId { get; set; }

    /// <summary>The question the shopper is answering right now (a <see cref="GiftSlot"/> name), so other slots in the answer can be told apart.</summary>
    public string? PendingSlot { get; set; }

    public bool HasAge => AgeMin is not null || AgeUnknown;
    public bool HasInterests => Interests.Count > 0 || InterestsOpen || Wish is not null;
    public bool HasBudget => BudgetMax is not null || BudgetNoLimit;
    public bool HasShownRecommendations => ShownProductIds.Count > 0;

    public void ClearAge()
    {
        AgeMin = AgeMax = null;
        AgeUnknown = false;
        AgeBand = null;
        AgeIsBand = false;
    }

    public void ClearInterests()
    {
        Interests.Clear();
        InterestsOpen = false;
        Wish = null;
    }

    public void ClearBudget()
    {
        BudgetMin = BudgetMax = null;
        BudgetNoLimit = false;
        BudgetBeforeCheaper = BudgetBeforeLastCheaper = null;
    }

    /// <summary>
    /// A new search keeping only this one's age, budget as given and exclusions, for someone said as a swap. The age stays
    /// only when the new recipient's own age band (<paramref name="newRecipientBand"/>: "my mum" is an adult) allows it:
    /// "something for my mum instead" after a 6-year-old's carousel is no search for a 6-year-old.
    /// </summary>
    public GiftSearch LimitsOnly(Language.AgeBand? newRecipientBand = null)
    {
        var budget = BudgetBeforeCheaper ?? new GivenBudget(BudgetMin, BudgetMax, BudgetNoLimit);
        var search = new GiftSearch
        {
            BudgetMin = budget.Min, BudgetMax = budget.Max, BudgetNoLimit = budget.NoLimit, ExcludedInterests = [.. ExcludedInterests],
        };
        var ageFits = newRecipientBand is null || (AgeMin is { } min && AgeMax is { } max && newRecipientBand.Min <= min && max <= newRecipientBand.Max);
        if (ageFits) (search.AgeMin, search.AgeMax, search.AgeUnknown, search.AgeBand, search.AgeIsBand) = (AgeMin, AgeMax, AgeUnknown, AgeBand, AgeIsBand);
        return search;
    }

    /// <summary>"Cheaper" lowers the budget; the first time, the budget as given is kept to come back to.</summary>
    public void LowerBudget(decimal max)
    {
        BudgetBeforeCheaper ??= new GivenBudget(BudgetMin, BudgetMax, BudgetNoLimit);
        BudgetBeforeLastCheaper = new GivenBudget(BudgetMin, BudgetMax, BudgetNoLimit);
        BudgetMax = max;
        BudgetNoLimit = false;
        if (BudgetMin >= max) BudgetMin = null;
    }

    /// <summary>"Cheaper" found nothing: the budget goes back to the one the cards on screen were found at, so "show more"
    /// goes on from them.</summary>
    public void UndoLastCheaper()
    {
        if (BudgetBeforeLastCheaper is not { } before) return;
        (BudgetMin, BudgetMax, BudgetNoLimit) = (before.Min, before.Max, before.NoLimit);
        BudgetBeforeLastCheaper = null;
        if (BudgetBeforeCheaper == before) BudgetBeforeCheaper = null;
    }

    /// <summary>The budget as the shopper gave it, undoing "cheaper" (which was about one person's cards).</summary>
    public void RestoreGivenBudget()
    {
        if (BudgetBeforeCheaper is not { } given) return;
        (BudgetMin, BudgetMax, BudgetNoLimit) = (given.Min, given.Max, given.NoLimit);
        BudgetBeforeCheaper = BudgetBeforeLastCheaper = null;
    }
}

/// <summary>One person still to be served, with what the shopper said of them alone (plain JSON in the search).</summary>
public sealed class PersonToServe
{
    public string? Name { get; set; }
    public string? Recipient { get; set; }
    public string? RecipientWords { get; set; }
    public int? AgeMin { get; set; }
    public int? AgeMax { get; set; }
    /// <summary>The band their recipient word implies ("mum": adult), not an age they were said to be.</summary>
    public bool AgeIsBand { get; set; }
    public List<string> Interests { get; set; } = [];
    public string? Wish { get; set; }
    /// <summary>What they love in the shopper's words ("dinosaurs"), for naming them ("Sam (5, dinosaurs)").</summary>
    public string? InterestWords { get; set; }

    public static PersonToServe From(GiftBot.Language.Person person) => new()
    {
        Name = person.Name, Recipient = person.Recipient, RecipientWords = person.RecipientWords,
        AgeMin = person.Age?.Min, AgeMax = person.Age?.Max, AgeIsBand = person.Age?.IsBand ?? false, Interests = [.. person.Interests], Wish = person.Wish, InterestWords = person.InterestWords,
    };
}

/// <summary>A budget as the shopper said it.</summary>
public sealed record GivenBudget(decimal? Min, decimal? Max, bool NoLimit);

/// <summary>How a shopper asked to change the last carousel.</summary>
public enum Refinement { None, ShowMore, Cheaper, Pricier, DifferentInterests, MoreLikeThis, ChangeAge, ChangeBudget, ChangeRecipient }

/// <summary>The questions of the gift finder, also the question names recorded in funnel events.</summary>
public enum GiftSlot { Recipient, Age, Interests, Budget }
