using System.Text.Json.Nodes;
using GiftBot.Storage;

namespace GiftBot.Conversations.FollowUps;

/// <summary>
/// A pending follow-up names the person and would still message them after the privacy delete: the export shows when it
/// is due, the delete cancels it.
/// </summary>
public sealed class FollowUpPersonalData(IScheduledJobStore jobs) : IPersonalDataHolder
{
    public string Name => "follow-ups";

    public async Task<JsonNode?> ExportAsync(DataSubject person, CancellationToken cancellationToken)
    {
        var pending = new JsonArray();
        foreach (var conversationId in person.ConversationIds)
        {
            if (await jobs.GetAsync(FollowUpJob.KeyFor(person.ChannelId, conversationId), cancellationToken).ConfigureAwait(false) is { } job)
                pending.Add(new JsonObject { ["conversationId"] = conversationId, ["dueAt"] = job.DueAt });
        }
        return pending.Count == 0 ? null : pending;
    }

    public async Task<int> ForgetAsync(DataSubject person, CancellationToken cancellationToken)
    {
        var cancelled = 0;
        foreach (var conversationId in person.ConversationIds)
        {
            if (await jobs.CancelAsync(FollowUpJob.KeyFor(person.ChannelId, conversationId), cancellationToken).ConfigureAwait(false)) cancelled++;
        }
        return cancelled;
    }
}
