namespace GiftBot.WebConsole;

/// <summary>Every console address in one place. Everything under <see cref="Root"/> needs a signed-in agent.</summary>
public static class ConsoleRoutes
{
    public const string Root = "/console";
    public const string Inbox = Root + "/inbox";
    public const string Figures = Root + "/figures";
    public const string Events = Root + "/events";
    public const string SignOut = Root + "/sign-out";

    /// <summary>The sign-in page lives outside /console: it is the one page an anonymous visitor may see.</summary>
    public const string SignIn = "/sign-in";

    /// <summary>The stylesheet and script: public, because the sign-in page uses them too.</summary>
    public const string Stylesheet = "/console-assets/console.css";
    public const string Script = "/console-assets/console.js";

    public static string Conversation(string channelId, string userId) =>
        $"{Inbox}/{Uri.EscapeDataString(channelId)}/{Uri.EscapeDataString(userId)}";
}
