using GiftBot.Language.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Pipeline;

/// <summary>
/// Cleans the message text once, before any stage or prompt reads it, so the recognizer, the answer readers and the
/// prompts all see the same text: a terminal escape such as "\x1b[31m" is not read as "31".
/// </summary>
public sealed class ShopperTextStage : ITurnStage
{
    public Task<TurnFlow> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.Message && activity.Text is { } text) activity.Text = ShopperText.Clean(text);
        return Task.FromResult(TurnFlow.Continue);
    }
}
