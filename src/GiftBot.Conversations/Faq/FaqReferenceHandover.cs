using GiftBot.Content;
using GiftBot.Conversations.Greeting;
using GiftBot.Conversations.Handover;
using GiftBot.Conversations.Pipeline;
using GiftBot.Conversations.State;
using GiftBot.Conversations.Text;
using GiftBot.Customers.Context;
using GiftBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace GiftBot.Conversations.Faq;

/// <summary>
/// An FAQ answer asked the shopper for something the team needs ("tell us your order number"). When it comes, in the
/// question itself or as the next message, the bot says it is noted, leaves the entry's note on the customer card for
/// the team and asks for a person (<see cref="PersonRequest"/>) instead of answering the same question again. As a turn
/// stage it reads the message right after such an answer before any dialog does, so "48213" is not taken for a budget.
/// </summary>
public sealed class FaqReferenceHandover(
    FaqCatalog catalog, AssistantAccessors accessors, PersonRequest persons, ICustomerContextStore cards,
    TurnTokens tokens, TimeProvider clock, ILogger<FaqReferenceHandover> logger) : ITurnStage
{
    public async Task<TurnFlow> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message) return TurnFlow.Continue;
        var conversation = await accessors.GetConversationDataAsync(turnContext, cancellationToken);
        if (conversation.AwaitedReferenceFaq is not { } faqId) return TurnFlow.Continue;
        conversation.AwaitedReferenceFaq = null; // asked once: only the very next message is read as the answer
        if (Payloads.TryParse(activity.Text, out _) || catalog.Find(faqId) is not { Reference: { } reference } entry) return TurnFlow.Continue;
        if (reference.FindIn(activity.Text) is not { } given) return TurnFlow.Continue;
        await PassAsync(turnContext, entry, given, cancellationToken);
        return TurnFlow.EndTurn;
    }

    /// <summary>The answer to <paramref name="entry"/> was just sent and asks for a reference: the next message may be it.</summary>
    public async Task AwaitAsync(ITurnContext turnContext, FaqEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Reference is null) return;
        (await accessors.GetConversationDataAsync(turnContext, cancellationToken)).AwaitedReferenceFaq = entry.Id;
    }

    /// <summary>Says <paramref name="given"/> is noted, writes the note for the team and asks for a person.</summary>
    public async Task PassAsync(ITurnContext turnContext, FaqEntry entry, string given, CancellationToken cancellationToken)
    {
        var reference = entry.Reference!;
        var values = new Dictionary<string, string?>(tokens.For(turnContext)) { [FaqReference.Token] = given };
        var noted = reference.Noted.Get(BotVoice.LocaleOf(turnContext), catalog.DefaultLocale);
        if (!string.IsNullOrWhiteSpace(noted))
            await turnContext.SendActivityAsync(MessageFactory.Text(TokenTemplate.Resolve(noted, values)), cancellationToken);
        await WriteNoteAsync(turnContext, reference, values, cancellationToken);
        var facts = TurnFacts.Of(turnContext);
        (facts.Intent, facts.FaqTopic) = (GiftIntents.TalkToHuman, entry.Id);
        await persons.RequestAsync(turnContext, cancellationToken);
    }

    // The team reads notes in the shop's own language, like the rest of the console.
    private async Task WriteNoteAsync(ITurnContext turnContext, FaqReference reference, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken)
    {
        var (channelId, userId) = (turnContext.Activity.ChannelId, turnContext.Activity.From?.Id);
        var template = reference.Note.Get(catalog.DefaultLocale, catalog.DefaultLocale);
        if (!CustomerKey.IsValidId(channelId) || !CustomerKey.IsValidId(userId) || string.IsNullOrWhiteSpace(template)) return;
        var note = new CustomerNote
        {
            Id = Guid.NewGuid().ToString("N"),
            Text = TokenTemplate.Resolve(template, values),
            Author = values.GetValueOrDefault(TokenNames.PersonaName) ?? "bot",
            At = clock.GetUtcNow(),
        };
        try
        {
            await cards.UpdateAsync(channelId, userId!, card =>
            {
                if (card.Notes.Any(n => n.Id == note.Id)) return false; // a change may run again (ETag conflict): one note
                card.Notes.Add(note);
                return true;
            }, createIfMissing: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The shopper still reaches a person; the team sees the number in the conversation itself.
            logger.LogWarning(ex, "The note for an FAQ reference could not be written on channel {ChannelId}", channelId);
        }
    }
}
