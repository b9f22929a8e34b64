using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace GiftBot.Dialogs;

/// <summary>Deep copies of activities, so rendering choices never changes the caller's (or the stored) prompt.</summary>
internal static class ActivityCopy
{
    private static readonly JsonSerializerSettings Settings = new() { TypeNameHandling = TypeNameHandling.None };

    public static Activity Clone(IActivity activity)
        => JsonConvert.DeserializeObject<Activity>(JsonConvert.SerializeObject(activity, Settings), Settings)!;
}
