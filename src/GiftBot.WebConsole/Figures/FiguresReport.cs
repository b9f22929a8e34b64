using GiftBot.Customers.Context;
using GiftBot.Storage;
using GiftBot.WebConsole.Orders;
using GiftBot.WebConsole.Transcripts;

namespace GiftBot.WebConsole.Figures;

public enum Touch
{
    First,
    Last,
}

/// <summary>One row of the funnel table: an entry source and what its shoppers did in the period.</summary>
public sealed record SourceFigures(string Key, string Label, long Conversations, long Carousels, long ProductViews, long BasketAdds, long CheckoutClicks,
    long Purchases, decimal Revenue, decimal? Spend)
{
    public decimal? Roas => Spend is > 0 ? Revenue / Spend : null;
}

public sealed record CampaignFigures(string Campaign, decimal Spend, decimal Revenue)
{
    public decimal? Roas => Spend > 0 ? Revenue / Spend : null;
}

/// <summary>Meta's "very responsive" badge: at least 90 % of new conversations answered, median response under 15 minutes.</summary>
public sealed record ResponseDay(DateOnly Day, int Requests, int Answered, TimeSpan? MedianResponse)
{
    public double? Rate => Requests == 0 ? null : (double)Answered / Requests;
}

public sealed record FiguresData(
    DateOnly From, DateOnly To, Touch Touch, string Currency, IReadOnlyList<SourceFigures> Sources, IReadOnlyList<CampaignFigures> Campaigns,
    IReadOnlyList<ResponseDay> ResponseDays, double? WeekRate, TimeSpan? WeekMedian, bool VeryResponsive,
    long ConversationsStarted, long Handovers, IReadOnlyList<(string Topic, long Count)> TopFaq, IReadOnlyList<(DateTimeOffset At, string Text)> NotUnderstood)
{
    public static readonly TimeSpan ResponseTimeTarget = TimeSpan.FromMinutes(15);
    public const double ResponseRateTarget = 0.9;

    public double? Containment => ConversationsStarted == 0 ? null : 1 - (double)Math.Min(Handovers, ConversationsStarted) / ConversationsStarted;
}

/// <summary>
/// The figures for a date range (UTC days, inclusive), from funnel events, orders, ad spend and the transcript. Each
/// shopper's events count for their entry source: the first (how they first came) or the last (latest entry) touch.
/// </summary>
public sealed class FiguresReport(IFunnelEventStore events, IOrderStore orders, IAdSpendStore spend, IConversationTranscript transcript,
    ICustomerContextStore customers, TimeProvider time)
{
    // The funnel store lists the newest events first up to this many per kind; enough for a shop's console range.
    private const int MaxEventsPerKind = 10_000;

    public async Task<FiguresData> BuildAsync(DateOnly from, DateOnly to, Touch touch, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var cards = new Dictionary<(string, string), CustomerContext?>();

        async Task<CustomerContext?> CardAsync(string channelId, string? userId)
        {
            if (userId is null || !CustomerKey.IsValidId(channelId) || !CustomerKey.IsValidId(userId)) return null;
            if (!cards.TryGetValue((channelId, userId), out var card))
                cards[(channelId, userId)] = card = await customers.GetAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
            return card;
        }

        var counts = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [EntrySources.Organic] = "Organic" };
        string[] kinds = [FunnelEventKinds.ConversationStarted, FunnelEventKinds.RecommendationsShown, FunnelEventKinds.ProductViewed,
            FunnelEventKinds.AddedToBasket, FunnelEventKinds.CheckoutClicked, FunnelEventKinds.HandoverRequested, FunnelEventKinds.FaqAnswered, FunnelEventKinds.NotUnderstood];
        var byKind = new Dictionary<string, List<FunnelEvent>>();
        foreach (var kind in kinds)
        {
            var list = (await events.ListAsync(kind, MaxEventsPerKind, cancellationToken).ConfigureAwait(false))
                .Where(e => e.Timestamp >= start && e.Timestamp < end).ToList();
            byKind[kind] = list;
            foreach (var e in list)
            {
                var card = await CardAsync(e.ChannelId, e.UserId).ConfigureAwait(false);
                var entry = touch == Touch.First ? card?.FirstEntry : card?.LatestEntry;
                var key = EntrySources.KeyOf(entry);
                labels.TryAdd(key, Label(entry));
                var row = counts.TryGetValue(key, out var existing) ? existing : counts[key] = new Dictionary<string, long>(StringComparer.Ordinal);
                row[kind] = row.GetValueOrDefault(kind) + 1;
            }
        }

        var periodOrders = await orders.ListAsync(start, end, cancellationToken).ConfigureAwait(false);
        var spendRows = await spend.ListAsync(from, to, cancellationToken).ConfigureAwait(false);
        var spendByAd = spendRows.GroupBy(s => s.AdId).ToDictionary(g => "ad:" + g.Key, g => g.Sum(s => s.Spend), StringComparer.Ordinal);
        foreach (var key in periodOrders.Select(o => touch == Touch.First ? o.FirstTouch : o.LastTouch).Concat(spendByAd.Keys))
        {
            counts.TryAdd(key, new Dictionary<string, long>(StringComparer.Ordinal));
            labels.TryAdd(key, key.StartsWith("ad:", StringComparison.Ordinal) ? $"Ad {key[3..]}" : key.StartsWith("ref:", StringComparison.Ordinal) ? $"Link ref {key[4..]}" : "Organic");
        }

        var sources = counts.Select(pair =>
        {
            var bought = periodOrders.Where(o => (touch == Touch.First ? o.FirstTouch : o.LastTouch) == pair.Key).ToList();
            return new SourceFigures(pair.Key, labels[pair.Key],
                pair.Value.GetValueOrDefault(FunnelEventKinds.ConversationStarted), pair.Value.GetValueOrDefault(FunnelEventKinds.RecommendationsShown),
                pair.Value.GetValueOrDefault(FunnelEventKinds.ProductViewed), pair.Value.GetValueOrDefault(FunnelEventKinds.AddedToBasket),
                pair.Value.GetValueOrDefault(FunnelEventKinds.CheckoutClicked), bought.Count, bought.Sum(o => o.Total),
                spendByAd.TryGetValue(pair.Key, out var adSpend) ? adSpend : null);
        }).OrderByDescending(s => s.Revenue).ThenByDescending(s => s.Conversations).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();

        var revenueByAd = sources.Where(s => EntrySources.AdIdOf(s.Key) is not null).ToDictionary(s => EntrySources.AdIdOf(s.Key)!, s => s.Revenue);
        var campaigns = spendRows.GroupBy(s => s.Campaign ?? "(no campaign)").Select(g =>
            new CampaignFigures(g.Key, g.Sum(s => s.Spend), g.Select(s => s.AdId).Distinct().Sum(ad => revenueByAd.GetValueOrDefault(ad)))).OrderBy(c => c.Campaign).ToList();

        var (days, weekRate, weekMedian) = await ResponsivenessAsync(to, cancellationToken).ConfigureAwait(false);
        var topFaq = byKind[FunnelEventKinds.FaqAnswered].GroupBy(e => e.Properties.GetValueOrDefault("topic") ?? "unknown")
            .Select(g => (g.Key, (long)g.Count())).OrderByDescending(t => t.Item2).ThenBy(t => t.Key).Take(10).ToList();
        var notUnderstood = await NotUnderstoodAsync(byKind[FunnelEventKinds.NotUnderstood], cancellationToken).ConfigureAwait(false);
        var currency = periodOrders.GroupBy(o => o.Currency).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "EUR";
        return new FiguresData(from, to, touch, currency, sources, campaigns, days, weekRate, weekMedian,
            weekRate >= FiguresData.ResponseRateTarget && weekMedian < FiguresData.ResponseTimeTarget,
            byKind[FunnelEventKinds.ConversationStarted].Count, byKind[FunnelEventKinds.HandoverRequested].Count, topFaq, notUnderstood);
    }

    /// <summary>
    /// Per day of the 7 days ending <paramref name="lastDay"/>: shoppers who asked for a person, how many got a person's
    /// reply within 24 hours, and the median time to that first reply.
    /// </summary>
    private async Task<(IReadOnlyList<ResponseDay>, double?, TimeSpan?)> ResponsivenessAsync(DateOnly lastDay, CancellationToken cancellationToken)
    {
        var firstDay = lastDay.AddDays(-6);
        var start = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var requests = (await events.ListAsync(FunnelEventKinds.HandoverRequested, MaxEventsPerKind, cancellationToken).ConfigureAwait(false))
            .Where(e => e.Timestamp >= start && e.Timestamp < end && e.UserId is not null).OrderBy(e => e.Timestamp).ToList();
        var agentMessages = (await transcript.ReadRangeAsync(start, end + TimeSpan.FromDays(1), cancellationToken).ConfigureAwait(false))
            .Where(t => !t.Inbound && t.Activity.Properties?[TranscriptMiddleware.AgentProperty] is not null).ToList();
        var now = time.GetUtcNow();
        var answered = requests.Select(r =>
        {
            var reply = agentMessages.FirstOrDefault(m => m.ChannelId == r.ChannelId && m.UserId == r.UserId && m.At >= r.Timestamp && m.At - r.Timestamp <= TimeSpan.FromDays(1));
            return (Day: DateOnly.FromDateTime(r.Timestamp.UtcDateTime), Wait: reply is null ? (TimeSpan?)null : reply.At - r.Timestamp, Pending: reply is null && now - r.Timestamp < TimeSpan.FromDays(1));
        }).Where(r => !r.Pending).ToList();
        var days = Enumerable.Range(0, 7).Select(i => firstDay.AddDays(i)).Select(day =>
        {
            var ofDay = answered.Where(a => a.Day == day).ToList();
            return new ResponseDay(day, ofDay.Count, ofDay.Count(a => a.Wait is not null), Median(ofDay.Where(a => a.Wait is not null).Select(a => a.Wait!.Value)));
        }).ToList();
        var total = answered.Count;
        return (days, total == 0 ? null : (double)answered.Count(a => a.Wait is not null) / total, Median(answered.Where(a => a.Wait is not null).Select(a => a.Wait!.Value)));
    }

    private async Task<IReadOnlyList<(DateTimeOffset, string)>> NotUnderstoodAsync(List<FunnelEvent> misses, CancellationToken cancellationToken)
    {
        var result = new List<(DateTimeOffset, string)>();
        foreach (var miss in misses.OrderByDescending(m => m.Timestamp).Take(25))
        {
            if (miss.UserId is null || !CustomerKey.IsValidId(miss.ChannelId) || !CustomerKey.IsValidId(miss.UserId)) continue;
            var said = (await transcript.ReadAsync(miss.ChannelId, miss.UserId, 50, cancellationToken).ConfigureAwait(false))
                .LastOrDefault(t => t.Inbound && t.At <= miss.Timestamp + TimeSpan.FromSeconds(5));
            if (said?.Activity.Text is { Length: > 0 } text) result.Add((miss.Timestamp, text));
        }
        return result;
    }

    private static TimeSpan? Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        if (sorted.Count == 0) return null;
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Label(EntrySource? entry) => entry switch
    {
        null => "Organic",
        { AdId: { Length: > 0 } } => $"Ad {entry.AdTitle ?? entry.AdId} ({entry.AdId})",
        { Ref: { Length: > 0 } } => $"{entry.Source switch { "SHORTLINK" => "m.me link", "QR" => "QR code", "SHARE" => "Share", _ => "Link" }} ref {entry.Ref}",
        _ => "Organic",
    };
}
