using GiftBot.Dialogs;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Events;

/// <summary>
/// Handles event activities by name, e.g. "referral" (m.me links, click-to-Messenger ads: start the gift finder from an
/// entry preset) or the handover events. The main dialog passes each event to the route registered for its name,
/// whether or not a dialog is active; events without a route are ignored.
/// Register with <c>services.AddSingleton&lt;IEventActivityRoute, MyRoute&gt;()</c>.
/// </summary>
public interface IEventActivityRoute
{
    /// <summary>The activity's Name this route handles ("referral", "pass_thread_control", ...).</summary>
    string EventName { get; }

    /// <summary>
    /// Reacts to the event. <paramref name="mainDc"/> is the main dialog's inner context: a route may cancel what is
    /// active and begin another dialog (e.g. the gift finder with a <see cref="GiftFinder.GiftFinderStart"/>).
    /// Returns the dialog's turn result, or null when the conversation should stay as it was.
    /// </summary>
    Task<DialogTurnResult?> RouteAsync(DialogContext mainDc, IEventActivity activity, CancellationToken cancellationToken);
}
