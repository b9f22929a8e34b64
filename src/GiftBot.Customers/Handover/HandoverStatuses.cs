using GiftBot.Customers.Context;

namespace GiftBot.Customers.Handover;

/// <summary>The short names agents use for handover states ("bot", "waiting", "human"); the enum names work too.</summary>
public static class HandoverStatuses
{
    public const string Allowed = "bot, waiting, human";

    public static bool TryParse(string? value, out HandoverStatus status)
    {
        status = HandoverStatus.BotOwns;
        switch (value?.Trim().ToLowerInvariant())
        {
            case "bot" or "botowns":
                status = HandoverStatus.BotOwns;
                return true;
            case "waiting" or "waitingforagent":
                status = HandoverStatus.WaitingForAgent;
                return true;
            case "human" or "humanowns":
                status = HandoverStatus.HumanOwns;
                return true;
            default:
                return false;
        }
    }
}
