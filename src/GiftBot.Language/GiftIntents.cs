namespace GiftBot.Language;

/// <summary>Intent names shared by every recognizer (embedded and CLU project labels must use the same names).</summary>
public static class GiftIntents
{
    public const string FindGift = "FindGift";
    public const string ShowMore = "ShowMore";
    public const string Cheaper = "Cheaper";
    /// <summary>Something dearer than the ideas shown ("something more expensive", "a bit nicer"), within the budget.</summary>
    public const string Pricier = "Pricier";
    public const string ChangeInterests = "ChangeInterests";
    public const string ChangeRecipient = "ChangeRecipient";
    public const string ViewBasket = "ViewBasket";
    public const string Checkout = "Checkout";
    public const string Help = "Help";
    public const string Cancel = "Cancel";
    public const string StartOver = "StartOver";
    public const string TalkToHuman = "TalkToHuman";
    /// <summary>The shopper is annoyed with the bot ("you're useless", "this isn't working"): an apology and a person, not "you're welcome".</summary>
    public const string Frustrated = "Frustrated";
    public const string Faq = "Faq";
    public const string Greeting = "Greeting";
    public const string Thanks = "Thanks";
    public const string Goodbye = "Goodbye";
    public const string None = "None";
}

/// <summary>Entity names in <c>RecognizerResult.Entities</c>.</summary>
public static class GiftEntities
{
    /// <summary>{"min":8,"max":8} in years.</summary>
    public const string Age = "age";
    /// <summary>{"min":20,"max":40,"currency":"EUR","noLimit":false,"perGift":false,"count":1}.</summary>
    public const string Budget = "budget";
    /// <summary>Canonical relationship, e.g. "mother", "nephew", "partner", "myself".</summary>
    public const string Recipient = "recipient";
    /// <summary>Whose relation the recipient is, as written ("his", "my friend's"); absent when they are the shopper's own.</summary>
    public const string RecipientOwner = "recipientOwner";
    /// <summary>Catalog theme names the shopper wants.</summary>
    public const string Interest = "interest";
    /// <summary>Catalog theme names (or brand words) the shopper ruled out.</summary>
    public const string ExcludedInterest = "excludedInterest";
    public const string Occasion = "occasion";
    /// <summary>{"band":"adult","min":18,"max":99}: the age a recipient implies when none was given.</summary>
    public const string AgeBand = "ageBand";
    /// <summary>What the recipient loves in the shopper's words ("trucks"), whether or not it names a theme.</summary>
    public const string Wish = "wish";
    /// <summary>[true] when an age was written but could not be trusted ("my toddler, 18"): the age is to be asked, not implied.</summary>
    public const string AgeUnsure = "ageUnsure";
    /// <summary>[true] when what the recipient loves is left to the shop ("your best sellers", "no idea what she likes").</summary>
    public const string InterestsOpen = "interestsOpen";
    /// <summary>[{"name":"Lily","recipient":null,"words":null,"age":8,"interests":["animals"],"wish":"horses","interestWords":"horses"}, ...]: several people, each with their own details.</summary>
    public const string People = "people";
    /// <summary>FAQ entry id when the intent is <see cref="GiftIntents.Faq"/>.</summary>
    public const string FaqTopic = "faqTopic";
    /// <summary>[true] when the intent is <see cref="GiftIntents.Faq"/> but no entry answers the question (it asks what no
    /// entry covers, "do you price match?"); <see cref="FaqSuggestion"/> may name the closest entry to offer.</summary>
    public const string FaqUnanswered = "faqUnanswered";
    /// <summary>The FAQ entry id closest to an unanswered question, to offer as a button rather than assert.</summary>
    public const string FaqSuggestion = "faqSuggestion";
}
