using System.Text;
using Npgsql;

namespace GiftBot.Storage.Postgres;

/// <summary>
/// The agents' list in PostgreSQL: <c>customer_list</c> (one row per person) and <c>customer_list_tags</c>, shared by every
/// instance. Every filter has an index: status + waiting since, last interaction, assigned agent, tag, name prefix.
/// </summary>
public sealed class PostgresCustomerListStore(PostgresDatabase database) : ICustomerListStore
{
    private const string Columns = "c.channel_id, c.user_id, c.display_name, c.name_key, c.status, c.status_since, c.last_interaction_at, c.assigned_agent, c.entry_source";

    public async Task<CustomerListPage> QueryAsync(CustomerListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, parameters) = Filter(query);
        var order = query.Order == CustomerListOrder.LongestInStatusFirst
            ? "ORDER BY c.status_since ASC NULLS LAST, c.channel_id, c.user_id"
            : "ORDER BY c.last_interaction_at DESC NULLS LAST, c.channel_id, c.user_id";
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // One snapshot for the count and the page.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var total = await connection.ScalarAsync<int>($"SELECT COUNT(*) FROM customer_list c {where};", cancellationToken, transaction, [.. parameters]).ConfigureAwait(false);

        var rows = new List<CustomerListRow>();
        await using (var command = connection.Command(
            $"""
            SELECT {Columns}, ARRAY(SELECT t.tag FROM customer_list_tags t WHERE t.channel_id = c.channel_id AND t.user_id = c.user_id ORDER BY t.tag COLLATE "C")
            FROM customer_list c {where} {order} LIMIT @limit OFFSET @offset;
            """, transaction, [.. parameters, ("limit", query.Limit), ("offset", query.Offset)]))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new CustomerListRow(reader.GetString(0), reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3), reader.GetString(4),
                    NullableTime(reader, 5), NullableTime(reader, 6), NullableString(reader, 7), reader.GetFieldValue<string[]>(9), NullableString(reader, 8)));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new CustomerListPage(rows, total);
    }

    public async Task<bool> RemoveAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(
            """
            DELETE FROM customer_list_tags WHERE channel_id = @channel AND user_id = @user;
            DELETE FROM customer_list WHERE channel_id = @channel AND user_id = @user;
            """, cancellationToken, null, ("channel", channelId), ("user", userId)).ConfigureAwait(false) > 0;
    }

    internal static async Task UpsertRowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CustomerListRow row, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            """
            INSERT INTO customer_list (channel_id, user_id, display_name, name_key, status, status_since, last_interaction_at, assigned_agent, entry_source)
            VALUES (@channel, @user, @name, @nameKey, @status, @since, @last, @agent, @entry)
            ON CONFLICT (channel_id, user_id) DO UPDATE SET
                display_name = excluded.display_name, name_key = excluded.name_key, status = excluded.status, status_since = excluded.status_since,
                last_interaction_at = excluded.last_interaction_at, assigned_agent = excluded.assigned_agent, entry_source = excluded.entry_source;
            DELETE FROM customer_list_tags WHERE channel_id = @channel AND user_id = @user AND NOT (tag = ANY(@tags));
            INSERT INTO customer_list_tags (tag, channel_id, user_id) SELECT DISTINCT t, @channel, @user FROM unnest(@tags) AS t ON CONFLICT DO NOTHING;
            """,
            cancellationToken, transaction, ("channel", row.ChannelId), ("user", row.UserId), ("name", row.DisplayName), ("nameKey", row.NameKey),
            ("status", row.Status), ("since", row.StatusSince?.ToUnixTimeMilliseconds()), ("last", row.LastInteractionAt?.ToUnixTimeMilliseconds()),
            ("agent", row.AssignedAgent), ("entry", row.EntrySource), ("tags", (row.Tags ?? []).ToArray())).ConfigureAwait(false);
    }

    private static (string Where, List<(string, object?)> Parameters) Filter(CustomerListQuery query)
    {
        var where = new StringBuilder();
        var parameters = new List<(string, object?)>();
        void And(string condition) => where.Append(where.Length == 0 ? "WHERE " : " AND ").Append(condition);
        if (query.Status is not null)
        {
            And("c.status = @status");
            parameters.Add(("status", query.Status));
        }

        if (query.Tag is not null)
        {
            And("EXISTS (SELECT 1 FROM customer_list_tags t WHERE t.tag = @tag AND t.channel_id = c.channel_id AND t.user_id = c.user_id)");
            parameters.Add(("tag", query.Tag));
        }

        if (query.AssignedAgent is not null)
        {
            // Agent names compare without case, as SQLite's NOCASE column does.
            And("lower(c.assigned_agent) = lower(@agent)");
            parameters.Add(("agent", query.AssignedAgent));
        }

        if (!string.IsNullOrEmpty(query.NamePrefix))
        {
            And("c.name_key LIKE @namePrefix ESCAPE '\\'");
            parameters.Add(("namePrefix", query.NamePrefix.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%"));
        }

        return (where.ToString(), parameters);
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
}
