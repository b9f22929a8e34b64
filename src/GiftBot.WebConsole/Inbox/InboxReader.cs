using GiftBot.Customers.Context;

namespace GiftBot.WebConsole.Inbox;

/// <summary>
/// The inbox's two lists, from the customer index behind <see cref="ICustomerContextStore"/>: the waiting queue (asked
/// for a person and nobody has picked them up: waiting, or passed to people with no agent assigned), longest wait first;
/// then the open conversations, most recent first.
/// </summary>
public sealed class InboxReader(ICustomerContextStore store, TimeProvider time)
{
    private const int ListSize = 100;

    public async Task<InboxLists> ReadAsync(CancellationToken cancellationToken)
    {
        var waiting = (await store.ListAsync(new CustomerQuery { Status = HandoverStatus.WaitingForAgent, PageSize = ListSize }, cancellationToken).ConfigureAwait(false)).Items;
        var human = (await store.ListAsync(new CustomerQuery { Status = HandoverStatus.HumanOwns, PageSize = ListSize }, cancellationToken).ConfigureAwait(false)).Items;
        var bot = (await store.ListAsync(new CustomerQuery { Status = HandoverStatus.BotOwns, PageSize = ListSize }, cancellationToken).ConfigureAwait(false)).Items;
        var queue = waiting.Concat(human.Where(h => h.AssignedAgent is null))
            .OrderBy(s => s.HandoverSince ?? DateTimeOffset.MaxValue).ToList();
        var open = human.Where(h => h.AssignedAgent is not null).Concat(bot)
            .OrderByDescending(s => s.LastInteractionAt ?? DateTimeOffset.MinValue).ToList();
        return new InboxLists(queue, open, time.GetUtcNow());
    }
}

public sealed record InboxLists(IReadOnlyList<CustomerSummary> Waiting, IReadOnlyList<CustomerSummary> Open, DateTimeOffset Now);
