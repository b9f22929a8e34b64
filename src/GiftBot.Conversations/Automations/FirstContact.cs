using GiftBot.Conversations.Pipeline;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.State;
using GiftBot.Conversations.Away;
using GiftBot.Conversations.Greeting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Automations;

/// <summary>
/// The Page's automatic lines before the normal answer to something the person sent (not a Get Started tap, which
/// gets the welcome): the away message for the first message of a closed period (when hours.json asks for it), which
/// then stands in for the instant reply, as on a Page's own inbox; otherwise the instant reply to the first message ever.
/// </summary>
public sealed class FirstContact : ITurnStage
{
    private readonly AwayNotices _away;
    private readonly InstantReply _instantReply;
    private readonly AssistantAccessors _accessors;

    public FirstContact(AwayNotices away, InstantReply instantReply, AssistantAccessors accessors)
    {
        (_away, _instantReply, _accessors) = (away, instantReply, accessors);
    }

    public async Task BeforeAnswerAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message || Payloads.Is(activity.Text, Payloads.GetStarted)) return;
        var data = await _accessors.GetUserDataAsync(turnContext, cancellationToken);
        if (await _away.NoticeFirstMessageAsync(turnContext, data, cancellationToken))
        {
            data.InstantReplyDone = true;
            return;
        }
        await _instantReply.SendIfFirstMessageAsync(turnContext, data, cancellationToken);
    }

    public async Task<TurnFlow> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await BeforeAnswerAsync(turnContext, cancellationToken);
        return TurnFlow.Continue;
    }
}
