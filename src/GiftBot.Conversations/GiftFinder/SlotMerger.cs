using GiftBot.Language;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>
/// Copies the slots an utterance carries into the search, e.g. "he's 8 and loves dinosaurs" given to the age question
/// also sets the interests, and "actually she's 10" corrects the age. The slot being asked is left to its question.
/// </summary>
public sealed class SlotMerger
{
    private readonly SlotReader _reader;

    public SlotMerger(SlotReader reader) => _reader = reader;

    public MergeResult Merge(GiftSearch search, ShopperUnderstanding understanding, GiftSlot? asked = null)
    {
        var changed = new List<GiftSlot>();
        var ruledOut = new List<string>();
        var replaced = false;
        BudgetAnswer? budgetAnswer = null;
        if (asked != GiftSlot.Recipient && !string.IsNullOrWhiteSpace(understanding.Recipient)
            && !string.Equals(understanding.Recipient, search.Recipient, StringComparison.OrdinalIgnoreCase))
        {
            // Someone else now: the previous person's age, interests and what they had ruled out no longer apply unless said
            // again; the budget does, as the shopper gave it ("cheaper" was about the last person's cards).
            if (search.Recipient is not null)
            {
                replaced = true;
                search.ClearAge();
                search.ClearInterests();
                search.ExcludedInterests.Clear();
                search.RestoreGivenBudget();
            }
            search.PersonName = null;
            search.NameRecipient(understanding.Recipient.ToLowerInvariant(), understanding.RecipientWords, understanding.RecipientOwner);
            changed.Add(GiftSlot.Recipient);
        }
        if (asked != GiftSlot.Age && understanding.Age is { } age && SlotLimits.IsPlausible(age) && (age.Min != search.AgeMin || age.Max != search.AgeMax))
        {
            replaced |= search.AgeMin is not null && search.AgeBand is null;
            search.ClearAge();
            (search.AgeMin, search.AgeMax, search.AgeIsBand) = (age.Min, age.Max, age.IsBand);
            changed.Add(GiftSlot.Age);
        }
        else if (understanding is { Age: null, ImpliedAge: { } band } && (search.AgeMin is null || search.AgeBand is not null) && !search.AgeUnknown)
        {
            // "for my wife": an adult, so the age question would change nothing; a stated age later replaces the band.
            (search.AgeMin, search.AgeMax, search.AgeBand) = (band.Min, band.Max, band.Name);
        }
        if (asked != GiftSlot.Interests && understanding.Interests.Count > 0
            && !understanding.Interests.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(search.Interests))
        {
            replaced |= search.Interests.Count > 0;
            search.ClearInterests();
            search.Interests.AddRange(understanding.Interests);
            changed.Add(GiftSlot.Interests);
        }
        if (asked != GiftSlot.Interests && !string.IsNullOrWhiteSpace(understanding.Wish) && understanding.Wish != search.Wish)
        {
            // An interest outside the theme list ("magic tricks") is still an answer: products are ranked by meaning.
            if (understanding.Interests.Count == 0 && search.Interests.Count == 0 && !changed.Contains(GiftSlot.Interests)) changed.Add(GiftSlot.Interests);
            search.Wish = understanding.Wish;
        }
        // "your best sellers for a 7 year old", "no idea what my boss likes": asking what they love would ask what was said.
        if (asked != GiftSlot.Interests && understanding is { InterestsOpen: true, Interests.Count: 0 } && string.IsNullOrWhiteSpace(understanding.Wish)
            && search is { Interests.Count: 0, Wish: null, InterestsOpen: false })
        {
            search.InterestsOpen = true;
            changed.Add(GiftSlot.Interests);
        }
        foreach (var excluded in understanding.ExcludedInterests)
        {
            var removed = search.Interests.RemoveAll(i => string.Equals(i, excluded, StringComparison.OrdinalIgnoreCase)) > 0;
            var added = !search.ExcludedInterests.Contains(excluded, StringComparer.OrdinalIgnoreCase);
            if (added) search.ExcludedInterests.Add(excluded);
            // "No books" after the carousel changes the search as much as a new interest does: the other interests still stand.
            if ((removed || added) && asked != GiftSlot.Interests) ruledOut.Add(excluded);
            replaced |= removed;
        }
        if (asked != GiftSlot.Budget && understanding.Budget is { } budget && _reader.FromBudget(budget) is { Kind: AnswerKind.Given or AnswerKind.Open } answer)
        {
            var hadBudget = search.HasBudget;
            if (Apply(search, answer))
            {
                changed.Add(GiftSlot.Budget);
                replaced |= hadBudget;
            }
            budgetAnswer = answer;
        }
        search.Occasion = understanding.Occasion ?? search.Occasion;
        return new MergeResult(changed, budgetAnswer, replaced) { RuledOut = ruledOut };
    }

    /// <summary>Sets the budget from an answer; false when it was already that.</summary>
    public static bool Apply(GiftSearch search, BudgetAnswer answer)
    {
        var noLimit = answer.Kind == AnswerKind.Open || answer.Max is null;
        if (search.BudgetNoLimit == noLimit && search.BudgetMin == answer.Min && search.BudgetMax == answer.Max && search.HasBudget) return false;
        search.BudgetMin = answer.Min;
        search.BudgetMax = answer.Max;
        search.BudgetNoLimit = noLimit;
        search.GiftCount = answer.GiftCount;
        search.BudgetBeforeCheaper = search.BudgetBeforeLastCheaper = null;
        return true;
    }
}

/// <param name="Changed">The slots that got a new value, in the order they were merged.</param>
/// <param name="Budget">The budget the utterance gave, for the notes about currency and gift count.</param>
/// <param name="Replaced">Whether a slot that had a value got another ("actually she's 10"), not only new ones.</param>
public sealed record MergeResult(IReadOnlyList<GiftSlot> Changed, BudgetAnswer? Budget, bool Replaced = false)
{
    /// <summary>Themes newly ruled out ("no books"): the search changed even when nothing else did.</summary>
    public IReadOnlyList<string> RuledOut { get; init; } = [];

    public bool Any => Changed.Count > 0 || RuledOut.Count > 0;
}
