using System.Text.Json.Nodes;
using GiftBot.Customers.AgentApi;
using GiftBot.Customers.Context;
using GiftBot.Storage;
using GiftBot.WebConsole.Orders;
using GiftBot.WebConsole.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace GiftBot.WebConsole.Privacy;

/// <summary>
/// One shopper's data across the stores: the context card and its row in the agents' list, the bot's user and conversation
/// state, the transcript, funnel events, orders, and what features keep elsewhere (<see cref="IPersonalDataHolder"/>: share
/// links, tracked-link tokens, follow-ups). Export gathers it as JSON; delete removes it (events and orders stay counted,
/// without the person).
/// </summary>
public sealed class ShopperData(IStorage storage, ICustomerContextStore customers, UserStateDocument userState, IConversationTranscript transcript,
    IFunnelEventStore events, IOrderStore orders, IEnumerable<IPersonalDataHolder> holders, ILogger<ShopperData> logger)
{
    private const int MaxEvents = 10_000;

    public async Task<JsonObject?> ExportAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var card = await customers.GetAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
        var messages = await transcript.ReadAsync(channelId, userId, 100_000, cancellationToken).ConfigureAwait(false);
        if (card is null && messages.Count == 0) return null;
        var person = new DataSubject(channelId, userId, ConversationIds(messages));
        var elsewhere = new JsonObject();
        foreach (var holder in holders)
        {
            if (await holder.ExportAsync(person, cancellationToken).ConfigureAwait(false) is { } held) elsewhere[holder.Name] = held;
        }
        var personEvents = (await events.ListAsync(null, MaxEvents, cancellationToken).ConfigureAwait(false))
            .Where(e => e.ChannelId == channelId && e.UserId == userId).ToList();
        return new JsonObject
        {
            ["channelId"] = channelId,
            ["userId"] = userId,
            ["exportedAt"] = DateTimeOffset.UtcNow,
            ["contextCard"] = card is null ? null : JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(card, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))),
            ["botState"] = await userState.ReadAsync(channelId, userId, cancellationToken).ConfigureAwait(false),
            ["messages"] = new JsonArray(messages.Select(m => (JsonNode)new JsonObject
            {
                ["direction"] = m.Inbound ? "in" : "out",
                ["at"] = m.At,
                ["activity"] = JsonNode.Parse(JsonConvert.SerializeObject(m.Activity, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore })),
            }).ToArray()),
            ["funnelEvents"] = new JsonArray(personEvents.Select(e => (JsonNode)new JsonObject
            {
                ["kind"] = e.Kind, ["at"] = e.Timestamp, ["properties"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(e.Properties)),
            }).ToArray()),
            ["orders"] = new JsonArray((await orders.ListForPersonAsync(channelId, userId, cancellationToken).ConfigureAwait(false))
                .Select(o => (JsonNode)new JsonObject { ["orderId"] = o.OrderId, ["total"] = o.Total, ["currency"] = o.Currency, ["at"] = o.At }).ToArray()),
            ["elsewhere"] = elsewhere,
        };
    }

    /// <summary>Deletes everything that names the shopper; returns what was removed, for the agent and the deletion status page.</summary>
    public async Task<string> DeleteAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var messages = await transcript.ReadAsync(channelId, userId, 100_000, cancellationToken).ConfigureAwait(false);
        var conversationIds = ConversationIds(messages);
        // The holders first: some find what they hold through the conversation state deleted below.
        var person = new DataSubject(channelId, userId, conversationIds);
        var forgotten = new List<string>();
        foreach (var holder in holders)
        {
            var count = await holder.ForgetAsync(person, cancellationToken).ConfigureAwait(false);
            if (count > 0) forgotten.Add($"{count} {holder.Name}");
        }

        await customers.DeleteAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
        var keys = new List<string> { UserStateDocument.KeyFor(channelId, userId) };
        keys.AddRange(conversationIds.Select(id => $"{channelId}/conversations/{id}"));
        await storage.DeleteAsync([.. keys], cancellationToken).ConfigureAwait(false);
        var deletedMessages = await transcript.DeleteAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
        var forgottenEvents = await events.ForgetUserAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
        var forgottenOrders = await orders.ForgetPersonAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Deleted the data of {ChannelId}/{Person}: {Messages} messages, {Events} events and {Orders} orders unlinked, {Elsewhere} elsewhere",
            channelId, LoggedIds.Person(userId), deletedMessages, forgottenEvents, forgottenOrders, forgotten.Count == 0 ? "nothing" : string.Join(", ", forgotten));
        var alsoDeleted = forgotten.Count == 0 ? "" : $" Also deleted: {string.Join(", ", forgotten)}.";
        return $"Deleted the context card, the bot's memory ({conversationIds.Count} conversations) and {deletedMessages} messages; {forgottenEvents} funnel events and {forgottenOrders} orders no longer name the shopper.{alsoDeleted}";
    }

    private static List<string> ConversationIds(IEnumerable<TranscriptEntry> messages) =>
        messages.Select(m => m.Activity.Conversation?.Id).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
}
