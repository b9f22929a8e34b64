using GiftBot.Conversations.Pipeline;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.State;
using GiftBot.Conversations.Away;
using GiftBot.Conversations.EntryPoints;
using GiftBot.Conversations.Greeting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Automations;

/// <summary>
/// The Page's automatic lines for something the person sent (not a Get Started tap, which gets the welcome): the away
/// message for the first message of a closed period (when hours.json asks for it), which then stands in for the instant
/// reply, as on a Page's own inbox; otherwise the instant reply to the first message ever. Before the answer, except
/// when a first "hi" is answered by the welcome: then the welcome goes first (it introduces the persona) and the notice
/// right after it, before the gift finder's first question, so the question keeps its buttons. An m.me link or ad out of
/// hours gets the away message the same way, right after the entry's welcome.
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

    /// <summary>Runs after <see cref="FirstGreeting"/>, which tells whether the welcome answers this message.</summary>
    public async Task BeforeAnswerAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.Event && activity.Name == ReferralRoute.Name)
        {
            await NoticeWithTheEntryAsync(turnContext, cancellationToken);
            return;
        }
        var welcomed = FirstGreeting.WelcomesFirstMessage(turnContext);
        if (activity.Type != ActivityTypes.Message || (Payloads.Is(activity.Text, Payloads.GetStarted) && !welcomed)) return;
        var data = await _accessors.GetUserDataAsync(turnContext, cancellationToken);
        var notice = _away.FirstMessageNotice(turnContext, data);
        if (notice is not null) data.InstantReplyDone = true;
        notice ??= _instantReply.ForFirstMessage(turnContext, data, afterWelcome: welcomed);
        if (notice is null) return;
        if (welcomed) SendAfterTheWelcome(turnContext, notice);
        else await turnContext.SendActivityAsync(notice, cancellationToken);
    }

    // Someone arriving through an m.me link or an ad out of hours hears it right after the entry's welcome: said later, it
    // would cut into their answer to the entry's first question. It stands in for the instant reply, as for a message.
    private async Task NoticeWithTheEntryAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var data = await _accessors.GetUserDataAsync(turnContext, cancellationToken);
        if (_away.FirstMessageNotice(turnContext, data) is not { } notice) return;
        data.InstantReplyDone = true;
        SendAfterTheWelcome(turnContext, notice);
    }

    // The welcome is the first message the bot sends this turn: the notice joins that batch right behind it.
    private static void SendAfterTheWelcome(ITurnContext turnContext, IMessageActivity notice)
    {
        var pending = true;
        turnContext.OnSendActivities(async (context, activities, next) =>
        {
            var welcome = pending ? activities.FindIndex(a => a.Type == ActivityTypes.Message) : -1;
            if (welcome >= 0)
            {
                pending = false;
                activities.Insert(welcome + 1, context.Activity.CreateReply().ApplyNotice(notice));
            }
            return await next();
        });
    }

    public async Task<TurnFlow> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await BeforeAnswerAsync(turnContext, cancellationToken);
        return TurnFlow.Continue;
    }
}

internal static class NoticeActivity
{
    /// <summary>The notice as a reply in this conversation, like every activity SendActivityAsync would address.</summary>
    public static Activity ApplyNotice(this Activity reply, IMessageActivity notice)
    {
        reply.Text = notice.Text;
        reply.SuggestedActions = notice.SuggestedActions;
        reply.InputHint = notice.InputHint;
        reply.ChannelData = notice.ChannelData;
        reply.Attachments = notice.Attachments;
        return reply;
    }
}
