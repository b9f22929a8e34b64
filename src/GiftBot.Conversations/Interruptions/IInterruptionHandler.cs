using GiftBot.Conversations.Text;
using GiftBot.Language;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.Interruptions;

/// <summary>
/// Something a shopper may ask at any point (view the basket, talk to a person, a delivery question) that is answered
/// on the spot: inside a dialog, the dialog then asks its current question again; outside one, the turn ends.
/// Register more with <c>services.AddSingleton&lt;IInterruptionHandler, MyHandler&gt;()</c>; they are tried in order.
/// </summary>
public interface IInterruptionHandler
{
    /// <summary>Answers the message and returns true when it is this handler's command or intent; otherwise returns false and sends nothing.</summary>
    Task<bool> TryHandleAsync(ITurnContext turnContext, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken);
}
