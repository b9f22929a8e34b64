using GiftBot.Dialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Text;

/// <summary>
/// Builds a message with quick replies, rendered for the channel by <see cref="ChoiceFactory"/>: suggested actions
/// where the channel has them (Messenger, Emulator, Web Chat), a text list elsewhere.
/// </summary>
public static class QuickReplies
{
    /// <summary>A quick reply that sends a command payload (postBack: the tap is not echoed as the shopper's words).</summary>
    public static Choice Command(string title, string payload) =>
        new(payload) { Action = new CardAction(ActionTypes.PostBack, title, value: payload, text: payload) };

    /// <summary>A quick reply that answers in words (imBack: the tap reads as if the shopper typed it).</summary>
    public static Choice Answer(string title, string? value = null) =>
        new(value ?? title) { Action = new CardAction(ActionTypes.ImBack, title, value: value ?? title) };

    /// <summary>A product's title short enough for a quick reply (Messenger cuts titles at 20 characters).</summary>
    public static string ShortTitle(string title) =>
        title.Length <= Channel.TruncatedTitleLength ? title : title[..(Channel.TruncatedTitleLength - 1)].TrimEnd() + "…";

    public static IMessageActivity Message(ITurnContext turnContext, string text, IEnumerable<Choice> choices, string? inputHint = null)
    {
        var list = choices.Take(MaxFor(turnContext.Activity.ChannelId)).ToList();
        var activity = list.Count == 0 ? MessageFactory.Text(text) : ChoiceFactory.ForChannel(turnContext.Activity.ChannelId, list, text);
        activity.InputHint = inputHint ?? InputHints.AcceptingInput;
        return activity;
    }

    /// <summary>How many quick replies the channel shows at once (Messenger: 13); 10 where it has none, for the text list.</summary>
    public static int MaxFor(string? channelId)
    {
        if (!Channel.SupportsSuggestedActions(channelId, 1)) return 10;
        var max = 1;
        while (max < 13 && Channel.SupportsSuggestedActions(channelId, max + 1)) max++;
        return max;
    }
}
