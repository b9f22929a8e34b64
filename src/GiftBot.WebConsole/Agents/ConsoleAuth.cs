namespace GiftBot.WebConsole.Agents;

/// <summary>The console's authentication scheme and policy names.</summary>
public static class ConsoleAuth
{
    public const string Scheme = "GiftBot.Console";
    public const string Policy = "GiftBot.ConsoleAgent";
    public const string CookieName = "GiftBot.Console";
    public const string DisplayNameClaim = "giftbot:display_name";
}
