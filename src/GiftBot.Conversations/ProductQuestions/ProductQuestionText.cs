namespace GiftBot.Conversations.ProductQuestions;

/// <summary>Content keys of product questions (content/text/&lt;locale&gt;/product-questions.json).</summary>
public static class ProductQuestionText
{
    public const string InStock = "productQuestions.inStock";
    public const string FromLink = "productQuestions.fromLink";
    public const string OtherLink = "productQuestions.otherLink";
    public const string OutOfStock = "productQuestions.outOfStock";
    public const string Price = "productQuestions.price";
    public const string Ages = "productQuestions.ages";
    public const string AgesFrom = "productQuestions.agesFrom";
    public const string Cheapest = "productQuestions.cheapest";
    public const string Dearest = "productQuestions.dearest";
    public const string Several = "productQuestions.several";
    public const string None = "productQuestions.none";
    public const string Closest = "productQuestions.closest";
    public const string PetGift = "productQuestions.petGift";
    public const string PetFor = "productQuestions.petFor";
    public const string PetWords = "productQuestions.petWords";
    public const string PetLeadingWords = "productQuestions.petLeadingWords";
    public const string PetPersonWords = "productQuestions.petPersonWords";
    public const string WhichProduct = "productQuestions.whichProduct";
    public const string Details = "productQuestions.details";
    public const string DetailsFrom = "productQuestions.detailsFrom";

    public const string FitYes = "productQuestions.fitYes";
    public const string FitYesFrom = "productQuestions.fitYesFrom";
    public const string FitTooYoung = "productQuestions.fitTooYoung";
    public const string FitTooYoungFrom = "productQuestions.fitTooYoungFrom";
    public const string FitTooOld = "productQuestions.fitTooOld";
    public const string FitShown = "productQuestions.fitShown";
    public const string FitShownNone = "productQuestions.fitShownNone";
    public const string FitShownAll = "productQuestions.fitShownAll";
    public const string FitOffer = "productQuestions.fitOffer";
    public const string FitOfferTyped = "productQuestions.fitOfferTyped";
    public const string AYearOld = "productQuestions.aYearOld";
    public const string ABaby = "productQuestions.aBaby";
    public const string AgedBetween = "productQuestions.agedBetween";

    public const string PropertyFound = "productQuestions.propertyFound";
    public const string PropertySaid = "productQuestions.propertySaid";
    public const string PropertyOthersUnknown = "productQuestions.propertyOthersUnknown";
    public const string PropertyUnknown = "productQuestions.propertyUnknown";

    public const string StockWords = "productQuestions.words.stock";
    public const string PriceWords = "productQuestions.words.price";
    public const string AgeWords = "productQuestions.words.ages";
    public const string CheapestWords = "productQuestions.words.cheapest";
    public const string DearestWords = "productQuestions.words.dearest";
    public const string DetailsWords = "productQuestions.words.details";
    public const string SuitsWords = "productQuestions.words.suits";
    public const string IdeasWords = "productQuestions.words.ideas";
    public const string FillerWords = "productQuestions.words.filler";
    public const string GiftRequestWords = "productQuestions.words.giftRequest";
    public const string GenericWords = "productQuestions.words.generic";
    public const string YesNoWords = "productQuestions.words.yesNo";
    public const string ShownWords = "productQuestions.words.shown";
    public const string PropertyFillerWords = "productQuestions.words.propertyFiller";
}
