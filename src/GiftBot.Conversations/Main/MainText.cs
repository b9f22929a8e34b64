namespace GiftBot.Conversations.Main;

/// <summary>Content keys only the main dialog speaks (main.json and the persona's tone lines in persona.json).</summary>
public static class MainText
{
    public const string Greeting = "main.greeting";
    public const string Help = "main.help";
    public const string NothingToCancel = "main.nothingToCancel";
    /// <summary>Words turning down the cards on screen ("not that one"): other ideas of the same search, nothing cancelled.</summary>
    public const string TurnDownCards = "main.turnDownCards";

    public const string SmallTalk = "persona.smallTalk";
    public const string Thanks = "persona.thanks";
}

/// <summary>Intents beyond <see cref="GiftBot.Language.GiftIntents"/> that the main dialog answers when a recognizer reports them.</summary>
public static class ConversationIntents
{
    /// <summary>Chit-chat about the bot ("how are you?"), e.g. from a CLU project that labels it; answered with persona.smallTalk.</summary>
    public const string SmallTalk = "SmallTalk";
}
