using GiftBot.Conversations.State;
using GiftBot.Content;
using GiftBot.Conversations.Funnel;
using GiftBot.Conversations.Interruptions;
using GiftBot.Conversations.Text;
using GiftBot.Language;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace GiftBot.Conversations.Faq;

/// <summary>
/// Answers frequently asked questions at any point: FAQ:&lt;id&gt; buttons (persistent menu, ice breakers) directly, and
/// typed questions the recognizer matched to a topic. Inside the gift finder the question being asked is asked again
/// afterwards (the interruption contract). A question recognised as an FAQ without a known topic gets "not understood",
/// never a guessed answer; one that no entry covers ("do you price match?") is told plainly the bot doesn't know, with a
/// person offered and, when the nearest entry shares some of its words, that entry offered as a button.
/// </summary>
public sealed class FaqAnswerHandler : IInterruptionHandler
{
    private readonly FaqCatalog _catalog;
    private readonly FaqAnswerBuilder _answers;
    private readonly BotVoice _voice;
    private readonly VariedLines _varied;
    private readonly FunnelRecorder _funnel;
    private readonly FaqReferenceHandover _references;
    private readonly ILogger<FaqAnswerHandler> _logger;

    public FaqAnswerHandler(FaqCatalog catalog, FaqAnswerBuilder answers, BotVoice voice, VariedLines varied, FunnelRecorder funnel,
        FaqReferenceHandover references, ILogger<FaqAnswerHandler> logger)
    {
        _references = references;
        _varied = varied;
        _catalog = catalog;
        _answers = answers;
        _voice = voice;
        _funnel = funnel;
        _logger = logger;
    }

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        string? topic;
        if (command is not null)
        {
            if (command.Name != Payloads.Faq) return false;
            topic = command.Argument;
        }
        else if (understanding.Intent == GiftIntents.Faq)
        {
            topic = understanding.FaqTopic;
        }
        else
        {
            return false;
        }

        if (command is null && topic is null && understanding.FaqUnanswered)
        {
            var closest = understanding.FaqSuggestion is { } id ? _catalog.Find(id) : null;
            // What the closest entry asks for is in the question ("where is my order #48213? it was due monday"): it is that one.
            if (closest?.Reference?.FindIn(turnContext.Activity.Text) is { } reference)
            {
                await _references.PassAsync(turnContext, closest, reference, cancellationToken);
                return true;
            }
            await SayUnansweredAsync(turnContext, closest, cancellationToken);
            return true;
        }

        var entry = topic is null ? null : _catalog.Find(topic);
        var reply = entry is null ? null : _answers.Build(turnContext, entry);
        if (entry is null || reply is null)
        {
            _logger.LogInformation("FAQ topic {FaqTopic} ({Source}) has no answer; saying not understood", topic ?? "none", command is null ? "text" : "button");
            await _funnel.RecordAsync(turnContext, FunnelEventKinds.NotUnderstood, cancellationToken);
            await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, await _varied.NextAsync(turnContext, CommonText.NotUnderstood, cancellationToken),
            [
                QuickReplies.Command(_voice.Line(turnContext, CommonText.FindGift), Payloads.FindGift),
                QuickReplies.Command(_voice.Line(turnContext, CommonText.TalkToHuman), Payloads.TalkToHuman),
            ]), cancellationToken);
            return true;
        }

        // "Where is my order #48213?" already gives what the answer would ask for: the team gets it, not the answer.
        if (command is null && entry.Reference?.FindIn(turnContext.Activity.Text) is { } given)
        {
            await _references.PassAsync(turnContext, entry, given, cancellationToken);
            return true;
        }

        await turnContext.SendActivityAsync(reply, cancellationToken);
        await _references.AwaitAsync(turnContext, entry, cancellationToken);
        var facts = TurnFacts.Of(turnContext);
        facts.Intent = GiftIntents.Faq;
        facts.FaqTopic = entry.Id;
        await _funnel.RecordAsync(turnContext, FunnelEventKinds.FaqAnswered,
            new Dictionary<string, string> { ["topic"] = entry.Id, ["source"] = command is null ? "text" : "button" }, cancellationToken);
        return true;
    }

    private async Task SayUnansweredAsync(ITurnContext turnContext, FaqEntry? closest, CancellationToken cancellationToken)
    {
        var locale = BotVoice.LocaleOf(turnContext);
        var question = closest?.Question.Get(locale, _catalog.DefaultLocale);
        _logger.LogInformation("A question to the shop that no FAQ entry covers; closest {FaqTopic}", closest?.Id ?? "none");
        await _funnel.RecordAsync(turnContext, FunnelEventKinds.NotUnderstood, cancellationToken);
        var choices = new List<Dialogs.Choices.Choice>();
        if (question is not null) choices.Add(QuickReplies.Command(_voice.Line(turnContext, CommonText.FaqSuggestionButton), Payloads.With(Payloads.Faq, closest!.Id)));
        choices.Add(QuickReplies.Command(_voice.Line(turnContext, CommonText.TalkToHuman), Payloads.TalkToHuman));
        choices.Add(QuickReplies.Command(_voice.Line(turnContext, CommonText.FindGift), Payloads.FindGift));
        var text = question is null
            ? _voice.Line(turnContext, CommonText.FaqUnanswered)
            : _voice.Line(turnContext, CommonText.FaqSuggestion, new Dictionary<string, string?> { ["question"] = question });
        await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, text, choices), cancellationToken);
    }
}
