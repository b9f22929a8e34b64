using GiftBot.Conversations.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.Tests.Infrastructure;

/// <summary>Reads what a shopper sees in the bot's replies: texts, quick replies, carousels and their cards.</summary>
public static class ReplyAssertions
{
    public static IReadOnlyList<string> Texts(this IEnumerable<Activity> replies) =>
        replies.Where(r => !string.IsNullOrEmpty(r.Text)).Select(r => r.Text).ToList();

    public static Activity WithText(this IEnumerable<Activity> replies, string text) =>
        replies.FirstOrDefault(r => r.Text == text) ?? throw new Xunit.Sdk.XunitException(
            $"No reply \"{text}\". Replies were:\n{Describe(replies)}");

    public static Activity Last(this IReadOnlyList<Activity> replies) => replies[^1];

    /// <summary>The quick replies (suggested actions) of a reply: value (payload) and title.</summary>
    public static IReadOnlyList<CardAction> QuickReplies(this Activity reply) => reply.SuggestedActions?.Actions?.ToList() ?? [];

    public static IReadOnlyList<string> QuickReplyValues(this Activity reply) => reply.QuickReplies().Select(a => a.Value?.ToString() ?? "").ToList();

    public static Activity Carousel(this IEnumerable<Activity> replies) =>
        replies.SingleOrDefault(r => r.AttachmentLayout == AttachmentLayoutTypes.Carousel)
        ?? throw new Xunit.Sdk.XunitException($"Expected one carousel. Replies were:\n{Describe(replies)}");

    public static bool HasCarousel(this IEnumerable<Activity> replies) => replies.Any(r => r.AttachmentLayout == AttachmentLayoutTypes.Carousel);

    public static IReadOnlyList<HeroCard> HeroCards(this Activity reply) =>
        (reply.Attachments ?? []).Where(a => a.ContentType == HeroCard.ContentType).Select(a => a.Content as HeroCard ?? JObject.FromObject(a.Content).ToObject<HeroCard>()!).ToList();

    public static string ProductId(this HeroCard card) =>
        card.Buttons.Select(b => b.Value?.ToString() ?? "").First(v => v.StartsWith(Payloads.AddToBasket + ":", StringComparison.Ordinal))[(Payloads.AddToBasket.Length + 1)..];

    public static string Describe(IEnumerable<Activity> replies) => string.Join("\n", replies.Select(r =>
        $"- [{r.Type}] {r.Text} {(r.Attachments?.Count > 0 ? $"({r.Attachments.Count} attachments, {r.AttachmentLayout})" : "")} {string.Join(" | ", r.QuickReplies().Select(a => a.Title))}"));
}
