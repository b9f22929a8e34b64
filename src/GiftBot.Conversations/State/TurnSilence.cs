using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.State;

/// <summary>
/// Once a turn hands the thread to people, nothing else the bot would say in that turn goes out (e.g. the gift
/// finder asking its question again after the handover line): the dialog stack stays as it was for when the bot is back.
/// </summary>
public static class TurnSilence
{
    private const string SilencedKey = "GiftBot.Assistant.Silenced";
    private const string InstalledKey = "GiftBot.Assistant.SilenceInstalled";

    /// <summary>Hooks the turn's sends once; until <see cref="Silence"/> is called they pass through unchanged.</summary>
    public static void Install(ITurnContext turnContext)
    {
        if (turnContext.TurnState.ContainsKey(InstalledKey)) return;
        turnContext.TurnState[InstalledKey] = true;
        // Not an async lambda: nearly every send passes straight through, and awaiting it here cost a state machine per send.
        turnContext.OnSendActivities((context, activities, next) => IsSilenced(context) ? SendTracesOnlyAsync(activities, next) : next());
    }

    // Traces (diagnostics) may still go; what the person would see does not.
    private static async Task<ResourceResponse[]> SendTracesOnlyAsync(List<Activity> activities, Func<Task<ResourceResponse[]>> next)
    {
        var visible = activities.Where(a => a.Type != ActivityTypes.Trace).ToList();
        foreach (var activity in visible) activities.Remove(activity);
        var sent = activities.Count > 0 ? await next() : [];
        return [.. sent, .. visible.Select(_ => new ResourceResponse())];
    }

    public static void Silence(ITurnContext turnContext) => turnContext.TurnState[SilencedKey] = true;

    public static bool IsSilenced(ITurnContext turnContext) => turnContext.TurnState.ContainsKey(SilencedKey);
}
