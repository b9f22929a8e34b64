using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Dialogs.Choices;

/// <summary>Renders a list of choices as the channel shows them best: quick replies, card buttons or text.</summary>
public static class ChoiceFactory
{
    // The engine's only built-in wording: the fallback for channels that show no buttons. Every caller passes
    // text from content; these join the choices after it.
    private const string InlineSeparator = ", ";
    private const string InlineOr = " or ";
    private const string InlineOrMore = ", or ";

    /// <summary>
    /// Suggested actions where the channel shows that many, else hero card buttons, else "text (1) a, (2) b, or (3) c"
    /// for up to three short choices, else a numbered list. A title the channel would cut always gives the list.
    /// </summary>
    public static IMessageActivity ForChannel(string? channelId, IList<Choice>? choices, string? text = null, string? speak = null)
    {
        var list = choices ?? [];
        var longestTitle = list.Count == 0 ? 0 : list.Max(c => Title(c).Length);
        if (longestTitle > Channel.MaxActionTitleLength(channelId))
        {
            return List(list, text, speak);
        }

        if (Channel.SupportsSuggestedActions(channelId, list.Count))
        {
            return MessageFactory.SuggestedActions(ToActions(list), text, speak, InputHints.ExpectingInput);
        }

        if (Channel.SupportsCardActions(channelId, list.Count))
        {
            var card = new HeroCard { Text = text, Buttons = ToActions(list) };
            return MessageFactory.Attachment(card.ToAttachment(), null, speak, InputHints.ExpectingInput);
        }

        return list.Count <= 3 && longestTitle <= Channel.TruncatedTitleLength
            ? Inline(list, text, speak)
            : List(list, text, speak);
    }

    private static IMessageActivity Inline(IList<Choice> list, string? text, string? speak)
    {
        var builder = new StringBuilder(text ?? string.Empty);
        var connector = string.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            builder.Append(connector.Length == 0 && builder.Length > 0 ? " " : connector);
            builder.Append($"({i + 1}) {Title(list[i])}");
            connector = i == list.Count - 2 ? (i == 0 ? InlineOr : InlineOrMore) : InlineSeparator;
        }

        return MessageFactory.Text(builder.ToString(), speak, InputHints.ExpectingInput);
    }

    private static IMessageActivity List(IList<Choice> list, string? text, string? speak)
    {
        var builder = new StringBuilder(text ?? string.Empty);
        for (var i = 0; i < list.Count; i++)
        {
            if (builder.Length > 0)
            {
                builder.Append("\n\n   ");
            }

            builder.Append($"{i + 1}. ").Append(Title(list[i]));
        }

        return MessageFactory.Text(builder.ToString(), speak, InputHints.ExpectingInput);
    }

    /// <summary>Buttons for the choices: the choice's own action, or an imBack of its value.</summary>
    private static List<CardAction> ToActions(IEnumerable<Choice> choices)
        => choices.Select(c => c.Action ?? new CardAction(ActionTypes.ImBack, c.Value, value: c.Value)).ToList();

    private static string Title(Choice choice) => choice.Action?.Title ?? choice.Value ?? string.Empty;
}
