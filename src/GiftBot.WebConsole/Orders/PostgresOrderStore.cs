using GiftBot.Storage.Postgres;
using Npgsql;

namespace GiftBot.WebConsole.Orders;

/// <summary>Orders in the shared PostgreSQL database: a webhook redelivered to another instance still counts once.</summary>
public sealed class PostgresOrderStore(PostgresDatabase database) : IOrderStore
{
    private const string Columns = "order_id, total, currency, at, token, channel_id, user_id, first_touch, last_touch";

    public async Task<bool> TryAddAsync(Order order, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var added = await connection.ExecuteAsync(
            $"INSERT INTO console_orders ({Columns}, received_at) VALUES (@id, @total, @currency, @at, @token, @channel, @user, @first, @last, @received) ON CONFLICT (order_id) DO NOTHING;",
            cancellationToken, null, ("id", order.OrderId), ("total", order.Total), ("currency", order.Currency),
            ("at", order.At.ToUnixTimeMilliseconds()), ("token", order.Token), ("channel", order.ChannelId), ("user", order.UserId),
            ("first", order.FirstTouch), ("last", order.LastTouch), ("received", receivedAt.ToUnixTimeMilliseconds())).ConfigureAwait(false);
        return added == 1;
    }

    public Task<IReadOnlyList<Order>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM console_orders WHERE at >= @from AND at < @to ORDER BY at, order_id;", cancellationToken,
            ("from", from.ToUnixTimeMilliseconds()), ("to", to.ToUnixTimeMilliseconds()));

    public Task<IReadOnlyList<Order>> ListForPersonAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM console_orders WHERE channel_id = @channel AND user_id = @user ORDER BY at, order_id;", cancellationToken,
            ("channel", channelId), ("user", userId));

    public async Task<int> ForgetPersonAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync("UPDATE console_orders SET channel_id = NULL, user_id = NULL, token = NULL WHERE channel_id = @channel AND user_id = @user;",
            cancellationToken, null, ("channel", channelId), ("user", userId)).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Order>> QueryAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(sql, null, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var orders = new List<Order>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            orders.Add(new Order(reader.GetString(0), reader.GetDecimal(1), reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), Nullable(reader, 4), Nullable(reader, 5), Nullable(reader, 6),
                reader.GetString(7), reader.GetString(8)));
        }
        return orders;
    }

    private static string? Nullable(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}

/// <summary>Ad spend per ad and day in the shared PostgreSQL database; importing a day again replaces its amount.</summary>
public sealed class PostgresAdSpendStore(PostgresDatabase database) : IAdSpendStore
{
    public async Task UpsertAsync(IReadOnlyCollection<AdSpend> rows, CancellationToken cancellationToken)
    {
        await database.WriteAsync(async (connection, transaction, token) =>
        {
            foreach (var row in rows)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO console_ad_spend (ad_id, day, campaign, spend) VALUES (@ad, @day, @campaign, @spend) ON CONFLICT (ad_id, day) DO UPDATE SET campaign = COALESCE(excluded.campaign, console_ad_spend.campaign), spend = excluded.spend;",
                    token, transaction, ("ad", row.AdId), ("day", row.Day), ("campaign", row.Campaign), ("spend", row.Spend)).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AdSpend>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT ad_id, day, campaign, spend FROM console_ad_spend WHERE day >= @from AND day <= @to ORDER BY day, ad_id;", null,
            ("from", from), ("to", to));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<AdSpend>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            rows.Add(new AdSpend(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetDecimal(3)));
        return rows;
    }
}
