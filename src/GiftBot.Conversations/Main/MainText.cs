namespace GiftBot.Conversations.Main;

/// <summary>Content keys the main dialog speaks from (main.json and the persona's tone lines in persona.json).</summary>
public static class MainText
{
    public const string Greeting = "main.greeting";
    public const string Help = "main.help";
    public const string NothingToCancel = "main.nothingToCancel";
    public const string FindGift = "main.quickReplies.findGift";
    public const string TalkToHuman = "main.quickReplies.talkToHuman";
    public const string ReturningOffer = "main.returningOffer";
    public const string ReturningYes = "main.quickReplies.returningYes";
    public const string ReturningNo = "main.quickReplies.returningNo";
    public const string YesAnswers = "main.yesAnswers";
    public const string NoAnswers = "main.noAnswers";

    public const string Welcome = "persona.welcome";
    public const string WelcomeBack = "persona.welcomeBack";
    public const string SmallTalk = "persona.smallTalk";
    public const string Thanks = "persona.thanks";
    public const string Goodbye = "persona.goodbye";
    public const string NotUnderstood = "persona.notUnderstood";
    public const string StateReset = "persona.stateReset";
}

/// <summary>Intents beyond <see cref="GiftBot.Language.GiftIntents"/> that the main dialog answers when a recognizer reports them.</summary>
public static class ConversationIntents
{
    /// <summary>Chit-chat about the bot ("how are you?"), e.g. from a CLU project that labels it; answered with persona.smallTalk.</summary>
    public const string SmallTalk = "SmallTalk";
}
