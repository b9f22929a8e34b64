using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Outbound;

/// <summary>
/// Hero and thumbnail cards → Messenger templates: one card with buttons and no image becomes a button template;
/// otherwise cards become generic template elements, 10 per message (more cards make more messages, in order).
/// </summary>
public static class TemplateRenderer
{
    public static bool IsCard(Attachment attachment) =>
        attachment.ContentType is HeroCard.ContentType or ThumbnailCard.ContentType;

    public static IReadOnlyList<JObject> Render(IReadOnlyList<Attachment> cardAttachments, ILogger logger)
    {
        var cards = cardAttachments.Select(ToHeroCard).ToList();
        if (cards.Count == 1 && cards[0].Images is not { Count: > 0 } && cards[0].Buttons is { Count: > 0 })
            return [ButtonTemplate(cards[0], logger)];

        if (cards.Count > MessengerLimits.GenericElements)
            logger.LogInformation("{Count} cards sent as {Messages} generic templates of at most {Max} elements",
                cards.Count, (cards.Count + MessengerLimits.GenericElements - 1) / MessengerLimits.GenericElements, MessengerLimits.GenericElements);
        return cards.Chunk(MessengerLimits.GenericElements)
            .Select(chunk => Template(new JObject
            {
                ["template_type"] = "generic",
                ["elements"] = new JArray(chunk.Select(card => Element(card, logger))),
            }))
            .ToList();
    }

    private static JObject ButtonTemplate(HeroCard card, ILogger logger)
    {
        var text = string.Join("\n", new[] { card.Title, card.Subtitle, card.Text }.Where(t => !string.IsNullOrWhiteSpace(t)));
        if (text.Length > MessengerLimits.ButtonTemplateText)
            logger.LogInformation("Button template text of {Length} characters cut to {Max}", text.Length, MessengerLimits.ButtonTemplateText);
        return Template(new JObject
        {
            ["template_type"] = "button",
            ["text"] = TextLimits.Cut(text.Length > 0 ? text : " ", MessengerLimits.ButtonTemplateText),
            ["buttons"] = Buttons(card.Buttons, logger),
        });
    }

    private static JObject Element(HeroCard card, ILogger logger)
    {
        var title = FirstText(card.Title, card.Subtitle, card.Text);
        // Under the title Messenger has one subtitle: the card's subtitle (a price) and its text (a description) share it.
        var subtitle = string.IsNullOrWhiteSpace(card.Title) ? null
            : string.Join("\n", new[] { card.Subtitle, card.Text }.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()));
        if (title.Length > MessengerLimits.ElementTitle || subtitle?.Length > MessengerLimits.ElementSubtitle)
            logger.LogInformation("Card title/subtitle of {TitleLength}/{SubtitleLength} characters cut to {Max}", title.Length, subtitle?.Length ?? 0, MessengerLimits.ElementTitle);
        var element = new JObject { ["title"] = TextLimits.Cut(title, MessengerLimits.ElementTitle) };
        if (!string.IsNullOrWhiteSpace(subtitle)) element["subtitle"] = TextLimits.Cut(subtitle, MessengerLimits.ElementSubtitle);
        if (card.Images?.FirstOrDefault(i => !string.IsNullOrEmpty(i.Url)) is { } image) element["image_url"] = image.Url;
        if (card.Tap is { Type: ActionTypes.OpenUrl, Value: not null } tap)
            element["default_action"] = new JObject { ["type"] = "web_url", ["url"] = CardActions.Payload(tap) };
        var buttons = Buttons(card.Buttons, logger);
        if (buttons.Count > 0) element["buttons"] = buttons;
        return element;
    }

    private static JArray Buttons(IList<CardAction>? actions, ILogger logger)
    {
        var buttons = new JArray();
        foreach (var action in actions ?? [])
        {
            var button = Button(action, logger);
            if (button is null) continue;
            if (buttons.Count == MessengerLimits.ButtonsPerTemplate)
            {
                logger.LogWarning("Only {Max} of {Count} card buttons sent: Messenger's per-element limit", MessengerLimits.ButtonsPerTemplate, actions!.Count);
                break;
            }
            buttons.Add(button);
        }
        return buttons;
    }

    private static JObject? Button(CardAction action, ILogger logger)
    {
        var title = CardActions.Title(action, MessengerLimits.ButtonTitle, logger);
        var value = CardActions.Payload(action);
        switch (action.Type)
        {
            case ActionTypes.OpenUrl when Uri.TryCreate(value, UriKind.Absolute, out _):
                return new JObject { ["type"] = "web_url", ["url"] = value, ["title"] = title };
            case ActionTypes.ImBack or ActionTypes.PostBack or ActionTypes.MessageBack when value is { Length: > 0 and <= MessengerLimits.Payload }:
                return new JObject { ["type"] = "postback", ["title"] = title, ["payload"] = value };
            case ActionTypes.Call when !string.IsNullOrEmpty(value):
                return new JObject { ["type"] = "phone_number", ["title"] = title, ["payload"] = value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? value[4..] : value };
            default:
                logger.LogWarning("Card button of type {ActionType} left out: no valid Messenger form", action.Type);
                return null;
        }
    }

    private static HeroCard ToHeroCard(Attachment attachment) => attachment.Content switch
    {
        HeroCard hero => hero,
        ThumbnailCard thumbnail => new HeroCard(thumbnail.Title, thumbnail.Subtitle, thumbnail.Text, thumbnail.Images, thumbnail.Buttons, thumbnail.Tap),
        null => new HeroCard(),
        var other => JObject.FromObject(other).ToObject<HeroCard>() ?? new HeroCard(),
    };

    private static string FirstText(params string?[] candidates) => candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c))?.Trim() ?? "";

    private static JObject Template(JObject payload) =>
        new() { ["attachment"] = new JObject { ["type"] = "template", ["payload"] = payload } };
}
