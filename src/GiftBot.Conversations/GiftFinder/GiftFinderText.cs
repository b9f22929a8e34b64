using GiftBot.Conversations.Understanding;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>Content keys of the gift finder (content/text/&lt;locale&gt;/gift-finder.json).</summary>
public static class GiftFinderText
{
    public const string AskRecipient = "giftFinder.askRecipient";
    public const string RetryRecipient = "giftFinder.retryRecipient";
    public const string RecipientChoices = "giftFinder.recipientChoices";
    public const string RecipientPhrase = "giftFinder.recipientPhrase";
    public const string Someone = "giftFinder.someone";
    public static string RecipientTitle(string recipient) => $"giftFinder.quickReplies.recipients.{recipient}";
    public static string RecipientPhraseOf(string recipient) => $"giftFinder.recipients.{recipient}";
    /// <summary>How the bot names a recipient the shopper called by these words ("sister in law"), when it has a phrase for them.</summary>
    public static string RecipientSaidPhraseOf(string words) => $"giftFinder.recipientsSaid.{words}";
    /// <summary>Someone else's relation ("his sister", "your friend's daughter"): {{owner}} and {{recipient}} as the shopper wrote it.</summary>
    public const string RecipientOwned = "giftFinder.recipientOwned";
    /// <summary>The shopper's word for whose relation someone is, in the bot's voice ("my" → "your").</summary>
    public static string OwnerSaidPhraseOf(string word) => $"giftFinder.ownersSaid.{word}";

    public const string AskAge = "giftFinder.askAge";
    public const string AskAgeSelf = "giftFinder.askAgeSelf";
    public const string RetryAge = "giftFinder.retryAge";
    public const string AskWhichChild = "giftFinder.askWhichChild";
    public const string OneChildFirst = "giftFinder.oneChildFirst";
    public const string RetryWhichChild = "giftFinder.retryWhichChild";
    public const string WhichChildChoice = "giftFinder.whichChildChoice";
    public const string RetryAgeSelf = "giftFinder.retryAgeSelf";
    /// <summary>Several people named in one message, served one at a time (see <see cref="PeopleOneAtATime"/>).</summary>
    public const string StartWithPerson = "giftFinder.startWithPerson";
    public const string NowForPerson = "giftFinder.nowForPerson";
    public const string NextPersonButton = "giftFinder.quickReplies.nextPerson";
    public const string Person = "giftFinder.person";
    public const string PersonAgeOnly = "giftFinder.personAgeOnly";
    public const string PersonInterestOnly = "giftFinder.personInterestOnly";
    public const string PersonByAge = "giftFinder.personByAge";
    public const string PersonByAgeWithInterest = "giftFinder.personByAgeWithInterest";
    /// <summary>Typed ways of asking for the next person ("next", "the other one").</summary>
    public const string NextPersonWords = "giftFinder.nextPersonWords";
    /// <summary>Words before the next person's name that ask for them ("now Sam", "and for your niece").</summary>
    public const string NextPersonOpeners = "giftFinder.nextPersonOpeners";
    public const string AgeAbsurd = "giftFinder.ageAbsurd";
    public const string NotSure = "giftFinder.quickReplies.notSure";
    public const string AgeYears = "giftFinder.ageYears";
    public const string AgeOneYear = "giftFinder.ageOneYear";
    public const string AgeUnderOne = "giftFinder.ageUnderOne";
    public const string AgeRange = "giftFinder.ageRange";

    public const string AskInterests = "giftFinder.askInterests";
    public const string AskInterestsSelf = "giftFinder.askInterestsSelf";
    public const string RetryInterests = "giftFinder.retryInterests";
    public const string RetryInterestsSelf = "giftFinder.retryInterestsSelf";
    public const string SurpriseMe = "giftFinder.quickReplies.surpriseMe";

    public const string AskBudget = "giftFinder.askBudget";
    public const string BudgetUnder = "giftFinder.quickReplies.budgetUnder";
    public const string BudgetNoLimit = "giftFinder.quickReplies.budgetNoLimit";
    public const string BudgetChoices = "giftFinder.budgetChoices";
    public const string RetryBudget = "giftFinder.retryBudget";
    public const string BudgetTooLow = "giftFinder.budgetTooLow";
    public const string CurrencyNote = "giftFinder.currencyNote";
    public const string CurrencyConverted = "giftFinder.currencyConverted";
    public const string PerGift = "giftFinder.perGift";

    public const string NotText = "giftFinder.notText";
    public const string NotTextVoice = "giftFinder.notTextVoice";
    public const string NotTextOther = "giftFinder.notTextOther";

    /// <summary>The "a few words work" line that names what came instead of words.</summary>
    public static string NotTextFor(IList<Attachment>? attachments) => WordlessMessages.KindOf(attachments) switch
    {
        WordlessMessages.Kind.Voice => NotTextVoice,
        WordlessMessages.Kind.Other => NotTextOther,
        _ => NotText,
    };
    public const string UnsureAnswers = "giftFinder.unsureAnswers";
    /// <summary>A change with no better wording; a change the phrases below can say is <see cref="CorrectedTo"/>.</summary>
    public const string Corrected = "giftFinder.corrected";
    /// <summary>What a correction changed: {{changes}} lists the "corrected..." phrases (see <see cref="CorrectionAcknowledgement"/>).</summary>
    public const string CorrectedTo = "giftFinder.correctedTo";
    public const string CorrectedRecipient = "giftFinder.correctedRecipient";
    public const string CorrectedAge = "giftFinder.correctedAge";
    public const string CorrectedInterests = "giftFinder.correctedInterests";
    public const string CorrectedWish = "giftFinder.correctedWish";
    public const string CorrectedInterestsNot = "giftFinder.correctedInterestsNot";
    public const string CorrectedRuledOut = "giftFinder.correctedRuledOut";
    public const string CorrectedAnyInterest = "giftFinder.correctedAnyInterest";
    public const string CorrectedBudget = "giftFinder.correctedBudget";
    public const string CorrectedBudgetEach = "giftFinder.correctedBudgetEach";
    public const string CorrectedBudgetRange = "giftFinder.correctedBudgetRange";
    public const string CorrectedBudgetFrom = "giftFinder.correctedBudgetFrom";
    public const string CorrectedNoLimit = "giftFinder.correctedNoLimit";
    public const string Noted = "giftFinder.noted";
    public const string Help = "giftFinder.help";
    public const string Cancelled = "giftFinder.cancelled";
    public const string StartingOver = "giftFinder.startingOver";
    public const string NewSearch = "giftFinder.newSearch";
    /// <summary>Words saying a new recipient replaces the last ("for a boy instead"): the age, budget and exclusions stay.</summary>
    public const string SwapWords = "giftFinder.swapWords";
    public const string Praised = "persona.praised";
}

/// <summary>Content keys of the recommendations (giftFinder.recommend.* in gift-finder.json).</summary>
public static class RecommendText
{
    private const string Prefix = "giftFinder.recommend.";
    public const string Intro = Prefix + "intro";
    public const string IntroMore = Prefix + "introMore";
    public const string IntroCheaper = Prefix + "introCheaper";
    public const string IntroPricier = Prefix + "introPricier";
    public const string IntroSimilar = Prefix + "introSimilar";
    public const string ReasonInterest = Prefix + "reasonInterest";
    public const string ReasonAge = Prefix + "reasonAge";
    public const string ReasonBudget = Prefix + "reasonBudget";
    public const string ReasonPopular = Prefix + "reasonPopular";
    public const string ReasonAges = Prefix + "reasonAges";
    public const string ReasonAgesFrom = Prefix + "reasonAgesFrom";
    public const string PriceOutOfStock = Prefix + "priceOutOfStock";
    public const string CardText = Prefix + "cardText";
    public const string View = Prefix + "buttons.view";
    public const string Add = Prefix + "buttons.add";
    public const string MoreLikeThis = Prefix + "buttons.moreLikeThis";
    public const string FollowUp = Prefix + "followUp";
    public const string ShowMore = Prefix + "quickReplies.showMore";
    public const string Cheaper = Prefix + "quickReplies.cheaper";
    public const string DifferentInterests = Prefix + "quickReplies.differentInterests";
    public const string StartOver = Prefix + "quickReplies.startOver";
    public const string RelaxedInterests = Prefix + "relaxedInterests";
    public const string RelaxedInterestsAllShown = Prefix + "relaxedInterestsAllShown";
    public const string RelaxedBudget = Prefix + "relaxedBudget";
    public const string RelaxedMinimum = Prefix + "relaxedMinimum";
    public const string RelaxedWish = Prefix + "relaxedWish";
    public const string NamedOverBudget = Prefix + "namedOverBudget";
    public const string WishJoiners = Prefix + "wishJoiners";
    public const string None = Prefix + "none";
    public const string BudgetBelowCheapest = Prefix + "budgetBelowCheapest";
    public const string UpTo = Prefix + "quickReplies.upTo";
    public const string ChangeAge = Prefix + "quickReplies.changeAge";
    public const string ChangeBudget = Prefix + "quickReplies.changeBudget";
    public const string ChangeInterests = Prefix + "quickReplies.changeInterests";
    public const string NoMore = Prefix + "noMore";
    public const string NoMoreAtCheapest = Prefix + "noMoreAtCheapest";
    public const string NothingCheaper = Prefix + "nothingCheaper";
    public const string NothingPricier = Prefix + "nothingPricier";
    public const string NothingPricierAtAll = Prefix + "nothingPricierAtAll";
    public const string UnknownProduct = Prefix + "unknownProduct";
    public const string MoreLikeAsks = Prefix + "moreLikeAsks";
    public const string ShownCardWords = Prefix + "shownCardWords";
    /// <summary>"she already has the first one": words saying a card's product is owned, and the line leaving it out.</summary>
    public const string AlreadyOwnedAsks = Prefix + "alreadyOwnedAsks";
    public const string AlreadyOwned = Prefix + "alreadyOwned";
    public const string Acknowledged = Prefix + "acknowledged";
    public const string AcknowledgementWords = Prefix + "acknowledgementWords";
    public const string AcknowledgementFillers = Prefix + "acknowledgementFillers";
    /// <summary>"go back to the first ones": words asking for an earlier carousel, words for the first, and its intro.</summary>
    public const string EarlierAsks = Prefix + "earlierAsks";
    public const string EarlierFirstWords = Prefix + "earlierFirstWords";
    public const string IntroEarlier = Prefix + "introEarlier";

    /// <summary>The note for each constraint the catalog may relax.</summary>
    public static string? For(GiftBot.Catalog.RelaxedConstraint relaxed) => relaxed switch
    {
        GiftBot.Catalog.RelaxedConstraint.Interests => RelaxedInterests,
        GiftBot.Catalog.RelaxedConstraint.Budget => RelaxedBudget,
        GiftBot.Catalog.RelaxedConstraint.MinimumPrice => RelaxedMinimum,
        _ => null,
    };
}
