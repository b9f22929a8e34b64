using System.Diagnostics;
using GiftBot.Customers.Context;
using GiftBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Benchmarks.Growth;

/// <summary>
/// Fills a running host's stores the way months of a busy shop would, through the stores' public interfaces as the bot
/// itself writes them: customer cards with their agents'-list rows (<see cref="ICustomerContextStore"/>), funnel events
/// (<see cref="IFunnelEventStore"/>) and Messenger dedup keys (<see cref="IDurableInbox"/>: enqueued, leased and completed,
/// so the keys stay and the inbox is empty, as after a real delivery). Writes are grouped into units of work
/// (<see cref="UnitOfWork"/>), the batch path the stores offer: one unit commits many cards or events at once.
/// </summary>
public sealed class GrowthSeeder(IServiceProvider services, GrowthProvider provider, TextWriter output)
{
    public const string ChannelId = "emulator";
    private const int CustomersPerUnit = 500;
    private const int EventsPerUnit = 5000;
    private const int KeysPerRound = 2000;

    private static readonly string[] FirstNames =
        ["Anna", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Hugo", "Isla", "Jack", "Kira", "Liam", "Mia", "Noah", "Olivia", "Paul", "Rosa", "Sam", "Tara", "Yusuf"];
    private static readonly string[] Tags = ["vip", "xmas-ad", "newsletter", "returning", "big-basket", "wholesale"];
    private static readonly string?[] Sources = ["ADS", "SHORTLINK", null, "ADS", null, "SHARE"];
    private static readonly string[] Agents = ["anna", "ben", "chloe"];
    private static readonly string[] FunnelKinds =
    [
        FunnelEventKinds.ConversationStarted, FunnelEventKinds.QuestionAnswered, FunnelEventKinds.QuestionAnswered, FunnelEventKinds.QuestionAnswered,
        FunnelEventKinds.RecommendationsShown, FunnelEventKinds.ProductViewed, FunnelEventKinds.ProductViewed, FunnelEventKinds.AddedToBasket,
        FunnelEventKinds.CheckoutClicked, FunnelEventKinds.FaqAnswered,
    ];

    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private int Parallelism => provider == GrowthProvider.Sqlite ? 4 : 8;

    /// <summary>The user id of seeded customer <paramref name="index"/> on <see cref="ChannelId"/>.</summary>
    public static string UserId(int index) => $"known-{index:D7}";

    /// <summary>Seeded customers the bot still serves itself (not waiting for, or owned by, a person): the returning shoppers.</summary>
    public static bool IsBotOwned(int index) => index % 50 != 0 && index % 100 != 1;

    /// <summary>Every 50th customer waits for an agent.</summary>
    public static int WaitingCount(int customers) => (customers + 49) / 50;

    public async Task SeedAsync(GrowthOptions options)
    {
        await TimedAsync($"{options.Customers:N0} customers (cards + agents' list rows)", () => SeedCustomersAsync(options.Customers));
        await TimedAsync($"{options.FunnelEvents:N0} funnel events", () => SeedFunnelEventsAsync(options.Customers, options.FunnelEvents));
        await TimedAsync($"{options.DedupKeys:N0} Messenger dedup keys", () => SeedDedupKeysAsync(options.Customers, options.DedupKeys));
    }

    private async Task TimedAsync(string what, Func<Task> seed)
    {
        output.Write($"  seeding {what} ... ");
        var clock = Stopwatch.StartNew();
        await seed();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s");
    }

    private async Task SeedCustomersAsync(int customers)
    {
        var store = services.GetRequiredService<ICustomerContextStore>();
        var committer = services.GetRequiredService<IUnitOfWorkCommitter>();
        var units = Enumerable.Range(0, (customers + CustomersPerUnit - 1) / CustomersPerUnit);
        await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (unitIndex, token) =>
        {
            await using var scope = UnitOfWork.Begin(committer);
            for (var i = unitIndex * CustomersPerUnit; i < Math.Min(customers, (unitIndex + 1) * CustomersPerUnit); i++)
            {
                var index = i;
                await store.UpdateAsync(ChannelId, UserId(index), context => Describe(context, index), createIfMissing: true, token);
            }

            await scope.CommitAsync(token);
        });
    }

    // A card as months of use leave it: a name, an entry source, tags, the last messages, sometimes a handover.
    private bool Describe(CustomerContext context, int index)
    {
        var lastSeen = LastInteraction(index);
        context.CreatedAt = lastSeen.AddDays(-(index % 30));
        context.Profile.FirstName = FirstNames[index % FirstNames.Length];
        context.Profile.Locale = "en_US";
        context.Profile.TimeZone = "1";
        context.Profile.UpdatedAt = context.CreatedAt;
        if (Sources[index % Sources.Length] is { } source)
        {
            context.FirstEntry = new EntrySource { Source = source, Ref = source == "ADS" ? null : "xmas", AdId = source == "ADS" ? $"ad-{index % 12}" : null, At = context.CreatedAt };
            context.LatestEntry = context.FirstEntry;
        }

        context.Tags = index % 3 == 0 ? [Tags[index % Tags.Length]] : index % 7 == 0 ? [Tags[index % Tags.Length], Tags[(index + 1) % Tags.Length]] : [];
        context.Tags.Sort(StringComparer.Ordinal);
        context.LastInteractionAt = context.LastUserMessageAt = context.LastSeenAt = lastSeen;
        context.RecentMessages =
        [
            new RecentMessage { Direction = MessageDirection.Inbound, Text = "a gift for my sister, she is 16 and loves drawing", At = lastSeen.AddMinutes(-3) },
            new RecentMessage { Direction = MessageDirection.Outbound, Text = "[carousel: 5 products]", At = lastSeen.AddMinutes(-3) },
            new RecentMessage { Direction = MessageDirection.Inbound, Text = "cheaper please", At = lastSeen.AddMinutes(-1) },
            new RecentMessage { Direction = MessageDirection.Outbound, Text = "[carousel: 5 products]", At = lastSeen },
        ];
        if (index % 50 == 0)
        {
            context.Handover = new HandoverInfo { Status = HandoverStatus.WaitingForAgent, Since = lastSeen };
        }
        else if (index % 100 == 1)
        {
            context.AssignedAgent = Agents[index % Agents.Length];
            context.Handover = new HandoverInfo { Status = HandoverStatus.HumanOwns, Since = lastSeen, AgentId = context.AssignedAgent, LastAgentActivityAt = lastSeen };
        }

        return true;
    }

    // Spread over the last 85 days: inside the raw-event retention (90 days), so the figures read raw rows, the larger case.
    private DateTimeOffset LastInteraction(int index) => _now.AddMinutes(-((index * 7919L) % (85 * 24 * 60)) - 5);

    private async Task SeedFunnelEventsAsync(int customers, long events)
    {
        var funnel = services.GetRequiredService<IFunnelEventStore>();
        var committer = services.GetRequiredService<IUnitOfWorkCommitter>();
        var units = Enumerable.Range(0, (int)((events + EventsPerUnit - 1) / EventsPerUnit));
        await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (unitIndex, token) =>
        {
            await using var scope = UnitOfWork.Begin(committer);
            for (var n = (long)unitIndex * EventsPerUnit; n < Math.Min(events, (unitIndex + 1L) * EventsPerUnit); n++)
            {
                var customer = (int)(n / FunnelKinds.Length % Math.Max(1, customers));
                var step = (int)(n % FunnelKinds.Length);
                await funnel.RecordAsync(new FunnelEvent
                {
                    Kind = FunnelKinds[step],
                    ChannelId = ChannelId,
                    ConversationId = $"conv-{UserId(customer)}-{n / (FunnelKinds.Length * Math.Max(1, customers))}",
                    UserId = UserId(customer),
                    Properties = step switch
                    {
                        1 or 2 or 3 => new Dictionary<string, string> { ["question"] = step == 1 ? "recipient" : step == 2 ? "age" : "budget" },
                        >= 5 and <= 8 => new Dictionary<string, string> { ["productId"] = $"S-{n % 100_000:D6}" },
                        _ => new Dictionary<string, string>(),
                    },
                    Timestamp = LastInteraction(customer).AddMinutes(step - FunnelKinds.Length),
                    EntrySource = Sources[customer % Sources.Length],
                }, token);
            }

            await scope.CommitAsync(token);
        });
    }

    // Each round gives one event to each of KeysPerRound people (the inbox serves one item per person at a time), stored as
    // webhook deliveries of DeliverySize events (EnqueueAllAsync, as the webhook stores a POST), then leases and completes them in
    // one unit of work, as the inbox worker would after answering.
    private async Task SeedDedupKeysAsync(int customers, long keys)
    {
        const int DeliverySize = 250;
        var inbox = services.GetRequiredService<IDurableInbox>();
        var committer = services.GetRequiredService<IUnitOfWorkCommitter>();
        var people = Math.Max(1, customers);
        for (long first = 0; first < keys; first += KeysPerRound)
        {
            var count = (int)Math.Min(KeysPerRound, keys - first);
            var deliveries = Enumerable.Range(0, (count + DeliverySize - 1) / DeliverySize).Select(d => Enumerable
                .Range(d * DeliverySize, Math.Min(DeliverySize, count - d * DeliverySize))
                .Select(k => first + k)
                .Select(n => (Person: UserId((int)(n % people)), N: n))
                .Select(e => new InboxEntry($"page-1:{e.Person}", $"m_{e.N:D9}.{e.Person}", "{}", _now.AddSeconds(-(e.N % 600_000))))
                .ToArray());
            await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (delivery, token) =>
                await inbox.EnqueueAllAsync(delivery, token));

            while (await inbox.LeaseAsync(KeysPerRound, TimeSpan.FromMinutes(5)) is { Count: > 0 } leased)
            {
                await using var scope = UnitOfWork.Begin(committer);
                foreach (var item in leased)
                {
                    scope.Unit.CompleteInboxItem(item.Id);
                }

                await scope.CommitAsync(CancellationToken.None);
            }
        }
    }
}
