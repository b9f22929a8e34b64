using System.Text;
using GiftBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Dialogs.Choices;

/// <summary>Renders a list of choices as text, suggested actions (quick replies) or a hero card.</summary>
public static class ChoiceFactory
{
    /// <summary>Picks the rendering the channel shows best (see <see cref="ListStyle.Auto"/>).</summary>
    public static IMessageActivity ForChannel(
        string? channelId, IList<Choice>? choices, string? text = null, string? speak = null, ChoiceFactoryOptions? options = null)
    {
        var list = choices ?? [];
        var longestTitle = list.Count == 0 ? 0 : list.Max(c => Title(c).Length);
        if (longestTitle > Channel.MaxActionTitleLength(channelId))
        {
            return List(list, text, speak, options);
        }

        if (Channel.SupportsSuggestedActions(channelId, list.Count))
        {
            return SuggestedAction(list, text, speak);
        }

        if (Channel.SupportsCardActions(channelId, list.Count))
        {
            return HeroCard(list, text, speak);
        }

        return list.Count <= 3 && longestTitle <= Channel.TruncatedTitleLength
            ? Inline(list, text, speak, options)
            : List(list, text, speak, options);
    }

    /// <summary>"text (1) a, (2) b, or (3) c".</summary>
    public static IMessageActivity Inline(
        IList<Choice>? choices, string? text = null, string? speak = null, ChoiceFactoryOptions? options = null)
    {
        var list = choices ?? [];
        var opt = Resolve(options, null);
        var numbers = opt.IncludeNumbers ?? true;
        var builder = new StringBuilder(text ?? string.Empty);
        var connector = string.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            builder.Append(connector.Length == 0 && builder.Length > 0 ? " " : connector);
            builder.Append(numbers ? $"({i + 1}) {Title(list[i])}" : Title(list[i]));
            connector = i == list.Count - 2
                ? (i == 0 ? opt.InlineOr : opt.InlineOrMore)!
                : opt.InlineSeparator!;
        }

        return MessageFactory.Text(builder.ToString(), speak, InputHints.ExpectingInput);
    }

    /// <summary>The text followed by one numbered (or bulleted) line per choice.</summary>
    public static IMessageActivity List(
        IList<Choice>? choices, string? text = null, string? speak = null, ChoiceFactoryOptions? options = null)
    {
        var list = choices ?? [];
        var numbers = options?.IncludeNumbers ?? true;
        var builder = new StringBuilder(text ?? string.Empty);
        for (var i = 0; i < list.Count; i++)
        {
            if (builder.Length > 0)
            {
                builder.Append("\n\n   ");
            }

            builder.Append(numbers ? $"{i + 1}. " : "- ").Append(Title(list[i]));
        }

        return MessageFactory.Text(builder.ToString(), speak, InputHints.ExpectingInput);
    }

    /// <summary>Suggested actions: quick replies that disappear once tapped.</summary>
    public static IMessageActivity SuggestedAction(IList<Choice>? choices, string? text = null, string? speak = null)
    {
        var activity = MessageFactory.SuggestedActions(ToActions(choices), text, speak, InputHints.ExpectingInput);
        return activity;
    }

    /// <summary>One hero card whose buttons are the choices.</summary>
    public static IMessageActivity HeroCard(IList<Choice>? choices, string? text = null, string? speak = null)
    {
        var card = new HeroCard { Text = text, Buttons = ToActions(choices) };
        var activity = MessageFactory.Attachment(card.ToAttachment(), null, speak, InputHints.ExpectingInput);
        return activity;
    }

    /// <summary>Turns plain strings into choices.</summary>
    public static IList<Choice> ToChoices(IEnumerable<string?>? choices)
        => choices?.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => new Choice(c)).ToList() ?? [];

    /// <summary>Buttons for the choices: the choice's own action, or an imBack of its value.</summary>
    public static IList<CardAction> ToActions(IEnumerable<Choice>? choices)
        => choices?.Select(c => c.Action ?? new CardAction(ActionTypes.ImBack, c.Value, value: c.Value)).ToList() ?? [];

    /// <summary>A copy of <paramref name="prompt"/> with the choices rendered in <paramref name="style"/> for the channel.</summary>
    public static IMessageActivity AppendChoices(
        IMessageActivity? prompt, string? channelId, IList<Choice>? choices, ListStyle style, ChoiceFactoryOptions? options = null)
    {
        var text = prompt?.Text ?? string.Empty;
        var rendered = style switch
        {
            ListStyle.Inline => Inline(choices, text, null, options),
            ListStyle.List => List(choices, text, null, options),
            ListStyle.SuggestedAction => SuggestedAction(choices, text),
            ListStyle.HeroCard => HeroCard(choices, text),
            ListStyle.None => MessageFactory.Text(text),
            _ => ForChannel(channelId, choices, text, null, options),
        };

        if (prompt is null)
        {
            return rendered;
        }

        var copy = ActivityCopy.Clone(prompt);
        copy.Text = rendered.Text;
        if (rendered.SuggestedActions?.Actions is { Count: > 0 })
        {
            copy.SuggestedActions = rendered.SuggestedActions;
        }

        if (rendered.Attachments is { Count: > 0 })
        {
            copy.Attachments = (copy.Attachments ?? []).Concat(rendered.Attachments).ToList();
        }

        return copy;
    }

    internal static string Title(Choice choice) => choice.Action?.Title ?? choice.Value ?? string.Empty;

    private static ChoiceFactoryOptions Resolve(ChoiceFactoryOptions? options, string? locale)
    {
        var culture = PromptCulture.For(locale);
        return new ChoiceFactoryOptions
        {
            InlineSeparator = options?.InlineSeparator ?? culture.Separator,
            InlineOr = options?.InlineOr ?? culture.InlineOr,
            InlineOrMore = options?.InlineOrMore ?? culture.InlineOrMore,
            IncludeNumbers = options?.IncludeNumbers ?? true,
        };
    }
}
