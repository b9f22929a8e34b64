using GiftBot.Content;
using GiftBot.Conversations.Greeting;
using GiftBot.Conversations.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.Faq;

/// <summary>
/// Renders an FAQ entry in the shopper's locale with tokens resolved. Shapes chosen so every channel shows it well
/// (Messenger turns one card without an image into a button template whose text holds 640 characters, and shows an
/// image card's text only as an 80-character title):
/// no buttons: the answer (plus the image); buttons, no image, short answer: one card with the answer and buttons;
/// otherwise the answer as text, then a card titled with the question holding the image and buttons.
/// </summary>
public sealed class FaqAnswerBuilder
{
    public const int MaxCardText = 640;

    private readonly FaqCatalog _catalog;
    private readonly IBotText _text;
    private readonly TurnTokens _tokens;

    public FaqAnswerBuilder(FaqCatalog catalog, IBotText text, TurnTokens tokens)
    {
        _catalog = catalog;
        _text = text;
        _tokens = tokens;
    }

    /// <summary>The reply for <paramref name="entry"/>, or null when it has no answer in any locale.</summary>
    public IMessageActivity? Build(ITurnContext turnContext, FaqEntry entry)
    {
        var locale = BotVoice.LocaleOf(turnContext);
        var tokens = _tokens.For(turnContext);
        var answer = _catalog.AnswerFor(entry, _text, locale, tokens);
        if (string.IsNullOrWhiteSpace(answer)) return null;

        var buttons = entry.Buttons.Take(FaqEntry.MaxButtons).Select(b => Button(b, locale, tokens)).OfType<CardAction>().ToList();
        var image = string.IsNullOrWhiteSpace(entry.ImageUrl) ? null : new CardImage(entry.ImageUrl);
        if (buttons.Count == 0)
        {
            var plain = MessageFactory.Text(answer);
            if (image is not null) plain.Attachments = [new Attachment(ImageContentType(image.Url), image.Url)];
            return plain;
        }
        if (image is null && answer.Length <= MaxCardText)
            return MessageFactory.Attachment(new HeroCard(text: answer, buttons: buttons).ToAttachment());

        var card = new HeroCard(title: entry.Question.Get(locale, _catalog.DefaultLocale), images: image is null ? null : [image], buttons: buttons);
        var activity = MessageFactory.Attachment(card.ToAttachment());
        activity.Text = answer;
        return activity;
    }

    private CardAction? Button(FaqButton button, string? locale, IReadOnlyDictionary<string, string?> tokens)
    {
        var title = button.Title.Resolve(_text, locale, _catalog.DefaultLocale, tokens);
        if (string.IsNullOrWhiteSpace(title)) return null;
        if (button.IsLink) return new CardAction(ActionTypes.OpenUrl, title, value: button.Url);
        return string.IsNullOrWhiteSpace(button.Payload) ? null
            : new CardAction(ActionTypes.PostBack, title, value: button.Payload, text: button.Payload);
    }

    private static string ImageContentType(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url;
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            _ => "image/jpeg",
        };
    }
}
