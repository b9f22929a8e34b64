namespace GiftBot.Conversations.Text;

/// <summary>
/// Content keys every feature may speak: the persona's own lines (welcome, apology, not understood) and the buttons
/// offered wherever a shopper may be stuck or pleased. Feature-specific keys live with their feature (e.g. GiftFinderText).
/// </summary>
public static class CommonText
{
    public const string FindGift = "main.quickReplies.findGift";
    public const string TalkToHuman = "main.quickReplies.talkToHuman";
    public const string ViewBasket = "basket.quickReplies.viewBasket";
    public const string ShareButton = "entry.shareButton";

    public const string Welcome = "persona.welcome";
    public const string WelcomeBack = "persona.welcomeBack";
    public const string Goodbye = "persona.goodbye";
    public const string NotUnderstood = "persona.notUnderstood";
    public const string FaqUnanswered = "persona.faqUnanswered";
    public const string FaqSuggestion = "persona.faqSuggestion";
    public const string FaqSuggestionButton = "persona.faqSuggestionButton";
    public const string StateReset = "persona.stateReset";
    public const string Error = "persona.error";
    /// <summary>A button this bot does not have was tapped (an old quick reply, a menu item set up elsewhere).</summary>
    public const string UnknownButton = "persona.unknownButton";
    public const string TooLong = "persona.tooLong";

    // Typed answers to a yes/no question, whoever asks it (pick up where you left off, empty the basket).
    public const string YesAnswers = "main.yesAnswers";
    /// <summary>Words a question to the shop opens with ("do", "can", "which"...): a statement is not one.</summary>
    public const string QuestionOpeners = "main.questionOpeners";
    public const string NoAnswers = "main.noAnswers";
    /// <summary>The word before the last of several things listed ("and"), see <see cref="BotVoice.ListOf"/>.</summary>
    public const string ListAnd = "main.listAnd";

    // The words for a card's place in the last carousel ("the second one"), read by every feature that acts on a card.
    public const string LastShown = "main.shownPositions.last";
    public const string ShownThisOne = "main.shownPositions.thisOne";
    public const string ShownFirstTwo = "main.shownPositions.firstTwo";
    public const string ShownFirstThree = "main.shownPositions.firstThree";
    public static string ShownPosition(int position) => $"main.shownPositions.{position}";

    // Words that never pick a product by its title ("the", "one", "please"), for every feature that names one by its words.
    public const string TitleFillerWords = "main.titleFillerWords";

    // A shown product named by words no shown card's title has ("more like the pony one"): said before the cards shown.
    public const string NotShown = "main.notShown";
}
