using System.Globalization;
using GiftBot.WebConsole.Storage;
using Microsoft.Data.Sqlite;

namespace GiftBot.WebConsole.Orders;

public sealed class SqliteOrderStore(ConsoleSqlite sqlite) : IOrderStore
{
    private const string Columns = "order_id, total, currency, at, token, channel_id, user_id, first_touch, last_touch";

    public async Task<bool> TryAddAsync(Order order, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        await using var write = await sqlite.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var added = await write.ExecuteAsync(
            $"INSERT INTO console_orders ({Columns}, received_at) VALUES ($id, $total, $currency, $at, $token, $channel, $user, $first, $last, $received) ON CONFLICT (order_id) DO NOTHING;",
            cancellationToken, ("$id", order.OrderId), ("$total", order.Total.ToString(CultureInfo.InvariantCulture)), ("$currency", order.Currency),
            ("$at", order.At.ToUnixTimeMilliseconds()), ("$token", order.Token), ("$channel", order.ChannelId), ("$user", order.UserId),
            ("$first", order.FirstTouch), ("$last", order.LastTouch), ("$received", receivedAt.ToUnixTimeMilliseconds())).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added == 1;
    }

    public Task<IReadOnlyList<Order>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM console_orders WHERE at >= $from AND at < $to ORDER BY at;", cancellationToken,
            ("$from", from.ToUnixTimeMilliseconds()), ("$to", to.ToUnixTimeMilliseconds()));

    public Task<IReadOnlyList<Order>> ListForPersonAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM console_orders WHERE channel_id = $channel AND user_id = $user ORDER BY at;", cancellationToken,
            ("$channel", channelId), ("$user", userId));

    public async Task<int> ForgetPersonAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var write = await sqlite.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var changed = await write.ExecuteAsync("UPDATE console_orders SET channel_id = NULL, user_id = NULL, token = NULL WHERE channel_id = $channel AND user_id = $user;",
            cancellationToken, ("$channel", channelId), ("$user", userId)).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    private async Task<IReadOnlyList<Order>> QueryAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await sqlite.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(sql, null, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var orders = new List<Order>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            orders.Add(new Order(reader.GetString(0), decimal.Parse(reader.GetString(1), CultureInfo.InvariantCulture), reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), Nullable(reader, 4), Nullable(reader, 5), Nullable(reader, 6),
                reader.GetString(7), reader.GetString(8)));
        }
        return orders;
    }

    private static string? Nullable(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}

public sealed class SqliteAdSpendStore(ConsoleSqlite sqlite) : IAdSpendStore
{
    public async Task UpsertAsync(IReadOnlyCollection<AdSpend> rows, CancellationToken cancellationToken)
    {
        await using var write = await sqlite.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await write.ExecuteAsync(
                "INSERT INTO console_ad_spend (ad_id, day, campaign, spend) VALUES ($ad, $day, $campaign, $spend) ON CONFLICT (ad_id, day) DO UPDATE SET campaign = COALESCE(excluded.campaign, campaign), spend = excluded.spend;",
                cancellationToken, ("$ad", row.AdId), ("$day", row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$campaign", row.Campaign),
                ("$spend", row.Spend.ToString(CultureInfo.InvariantCulture))).ConfigureAwait(false);
        }
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AdSpend>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await sqlite.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT ad_id, day, campaign, spend FROM console_ad_spend WHERE day >= $from AND day <= $to ORDER BY day, ad_id;", null,
            ("$from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<AdSpend>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            rows.Add(new AdSpend(reader.GetString(0), DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.IsDBNull(2) ? null : reader.GetString(2), decimal.Parse(reader.GetString(3), CultureInfo.InvariantCulture)));
        return rows;
    }
}
