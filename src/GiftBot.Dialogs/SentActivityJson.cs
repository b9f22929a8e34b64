using System.Runtime.CompilerServices;
using Microsoft.Bot.Schema;

namespace GiftBot.Dialogs;

/// <summary>
/// The UTF-8 JSON a reply went to the Bot Connector as, kept with the activity (weakly: it goes when the activity goes), so
/// what records the reply after the send (the console transcript) stores those bytes instead of serialising the reply again.
/// A reply sent any other way (the Messenger Send API, a test adapter) has none and is serialised as before.
/// </summary>
public static class SentActivityJson
{
    private static readonly ConditionalWeakTable<Activity, byte[]> Sent = new();

    /// <summary>Called by the sender with the exact bytes it sends; the array must not change afterwards.</summary>
    public static void Remember(Activity activity, byte[] json)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(json);
        Sent.AddOrUpdate(activity, json);
    }

    /// <summary>The JSON <paramref name="activity"/> was last sent as, or null.</summary>
    public static byte[]? Of(Activity activity) => activity is not null && Sent.TryGetValue(activity, out var json) ? json : null;
}
