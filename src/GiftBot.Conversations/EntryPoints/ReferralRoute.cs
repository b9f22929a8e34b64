using GiftBot.Conversations.Events;
using GiftBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.EntryPoints;

/// <summary>
/// The "referral" event (m.me links, QR codes, click-to-Messenger ads, share links) on any channel: begins what the
/// referral names and remembers when, so the Get Started that Meta sends right after does not start over.
/// </summary>
public sealed class ReferralRoute(EntryFlows flows, IStatePropertyAccessor<EntryState> state, TimeProvider clock) : IEventActivityRoute
{
    public const string Name = "referral";

    public string EventName => Name;

    public async Task<DialogTurnResult?> RouteAsync(DialogContext mainDc, IEventActivity activity, CancellationToken cancellationToken)
    {
        var referral = ToReferral(activity.Value);
        if (referral is null) return null;
        var entry = await state.GetAsync(mainDc.Context, () => new EntryState(), cancellationToken);
        entry.ReferralAt = clock.GetUtcNow();
        entry.Ref ??= referral.Value<string>("ref");
        await state.SetAsync(mainDc.Context, entry, cancellationToken);
        return await flows.BeginAsync(mainDc, referral, cancellationToken);
    }

    /// <summary>The raw Meta object arrives as a JObject, a typed object or JSON text depending on the adapter: converted, not cast.</summary>
    public static JObject? ToReferral(object? value)
    {
        try
        {
            return value switch
            {
                null => null,
                JObject json => json,
                string text => JToken.Parse(text) as JObject,
                JToken => null,
                _ => JObject.FromObject(value),
            };
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return null;
        }
    }
}
