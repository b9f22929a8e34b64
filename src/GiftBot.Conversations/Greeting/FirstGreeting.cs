using GiftBot.Conversations.Pipeline;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.State;
using GiftBot.Conversations.Understanding;
using GiftBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace GiftBot.Conversations.Greeting;

/// <summary>
/// The persona introduces itself once per conversation: when the shopper joins (Emulator, Web Chat), taps Get Started
/// (Messenger), or, on channels without either, says "hi" first. A first "hi" is handled exactly like Get Started
/// (welcome, then the gift finder or the returning-shopper offer), so every channel starts the same way.
/// </summary>
public sealed class FirstGreeting : ITurnStage
{
    private readonly TurnUnderstanding _understanding;
    private readonly AssistantAccessors _accessors;
    private readonly ILogger<FirstGreeting> _logger;

    public FirstGreeting(TurnUnderstanding understanding, AssistantAccessors accessors, ILogger<FirstGreeting> logger)
    {
        (_understanding, _accessors, _logger) = (understanding, accessors, logger);
    }

    public async Task ApplyAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var joined = activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true;
        if (!joined && activity.Type != ActivityTypes.Message) return;
        var data = await TryGetDataAsync(turnContext, cancellationToken);
        if (data is null || data.Welcomed) return;

        if (joined || Payloads.Is(activity.Text, Payloads.GetStarted))
        {
            data.Welcomed = true; // the welcome bot greets these itself
            return;
        }
        if (Payloads.TryParse(activity.Text, out _)) return;
        var understanding = await _understanding.GetAsync(turnContext, cancellationToken);
        if (understanding.Intent != GiftIntents.Greeting || understanding.HasGiftSlots) return;
        data.Welcomed = true;
        activity.Text = Payloads.GetStarted;
    }

    // Unreadable conversation state is reset (with an apology) by the dialog bot; the greeting just stands aside.
    private async Task<AssistantConversationData?> TryGetDataAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            return await _accessors.GetConversationDataAsync(turnContext, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogDebug(ex, "Conversation state unreadable; first greeting not checked");
            return null;
        }
    }

    public async Task<TurnFlow> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await ApplyAsync(turnContext, cancellationToken);
        return TurnFlow.Continue;
    }
}
