using GiftBot.Conversations.State;
using GiftBot.Conversations.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.Greeting;

/// <summary>
/// Like a Page's own instant reply: the first message a person ever sends gets a line saying when to expect a human
/// answer (automations.instantReply, usually with {{opening_hours}}) before the normal answer. Once per person.
/// </summary>
public sealed class InstantReply
{
    public const string TextKey = "automations.instantReply";

    private readonly BotVoice _voice;
    private readonly IOptionsMonitor<InstantReplyOptions> _options;

    public InstantReply(BotVoice voice, IOptionsMonitor<InstantReplyOptions> options)
    {
        _voice = voice;
        _options = options;
    }

    /// <summary>True when this was the person's first message (whether or not a reply was configured to go out).</summary>
    public static bool IsFirstMessage(AssistantUserData data) => !data.InstantReplyDone;

    /// <summary>Sends the instant reply when this is the person's first message and it is switched on; marks the first message seen.</summary>
    public async Task SendIfFirstMessageAsync(ITurnContext turnContext, AssistantUserData data, CancellationToken cancellationToken)
    {
        if (data.InstantReplyDone) return;
        data.InstantReplyDone = true;
        if (!_options.CurrentValue.Enabled || !_voice.Has(turnContext, TextKey)) return;
        await turnContext.SendActivityAsync(MessageFactory.Text(_voice.Line(turnContext, TextKey)), cancellationToken);
    }
}
