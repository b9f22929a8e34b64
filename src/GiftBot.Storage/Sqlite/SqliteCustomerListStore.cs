using System.Text;
using Microsoft.Data.Sqlite;

namespace GiftBot.Storage.Sqlite;

/// <summary>
/// The agents' list in SQLite: <c>customer_list</c> (one row per person) and <c>customer_list_tags</c>. Every filter has an
/// index: status + waiting since (the waiting queue), last interaction, assigned agent, tag, name prefix.
/// </summary>
public sealed class SqliteCustomerListStore(SqliteDatabase database) : ICustomerListStore
{
    private const string Columns = "c.channel_id, c.user_id, c.display_name, c.name_key, c.status, c.status_since, c.last_interaction_at, c.assigned_agent, c.entry_source";

    public async Task<CustomerListPage> QueryAsync(CustomerListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, parameters) = Filter(query);
        var order = query.Order == CustomerListOrder.LongestInStatusFirst
            ? "ORDER BY c.status_since IS NULL, c.status_since, c.channel_id, c.user_id"
            : "ORDER BY c.last_interaction_at IS NULL, c.last_interaction_at DESC, c.channel_id, c.user_id";
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var total = await connection.ScalarAsync<int>($"SELECT COUNT(*) FROM customer_list c {where};", cancellationToken, transaction, [.. parameters]).ConfigureAwait(false);

        var rows = new List<CustomerListRow>();
        await using (var command = connection.Command($"SELECT {Columns} FROM customer_list c {where} {order} LIMIT $limit OFFSET $offset;", transaction,
            [.. parameters, ("$limit", query.Limit), ("$offset", query.Offset)]))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new CustomerListRow(reader.GetString(0), reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3), reader.GetString(4),
                    NullableTime(reader, 5), NullableTime(reader, 6), NullableString(reader, 7), [], NullableString(reader, 8)));
            }
        }

        for (var i = 0; i < rows.Count; i++)
        {
            rows[i] = rows[i] with { Tags = await TagsAsync(connection, transaction, rows[i], cancellationToken).ConfigureAwait(false) };
        }

        return new CustomerListPage(rows, total);
    }

    public async Task<bool> RemoveAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        await database.WriteAsync((connection, transaction, token) => connection.ExecuteAsync(
            """
            DELETE FROM customer_list_tags WHERE channel_id = $channel AND user_id = $user;
            DELETE FROM customer_list WHERE channel_id = $channel AND user_id = $user;
            """, token, transaction, ("$channel", channelId), ("$user", userId)), cancellationToken).ConfigureAwait(false) > 0;

    internal static async Task UpsertRowAsync(SqliteConnection connection, SqliteTransaction transaction, CustomerListRow row, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            """
            INSERT INTO customer_list (channel_id, user_id, display_name, name_key, status, status_since, last_interaction_at, assigned_agent, entry_source)
            VALUES ($channel, $user, $name, $nameKey, $status, $since, $last, $agent, $entry)
            ON CONFLICT (channel_id, user_id) DO UPDATE SET
                display_name = excluded.display_name, name_key = excluded.name_key, status = excluded.status, status_since = excluded.status_since,
                last_interaction_at = excluded.last_interaction_at, assigned_agent = excluded.assigned_agent, entry_source = excluded.entry_source;
            """,
            cancellationToken, transaction, ("$channel", row.ChannelId), ("$user", row.UserId), ("$name", row.DisplayName), ("$nameKey", row.NameKey),
            ("$status", row.Status), ("$since", row.StatusSince?.ToUnixMs()), ("$last", row.LastInteractionAt?.ToUnixMs()),
            ("$agent", row.AssignedAgent), ("$entry", row.EntrySource)).ConfigureAwait(false);

        // Tags change rarely: rewrite them only when they differ.
        var stored = await TagsAsync(connection, transaction, row, cancellationToken).ConfigureAwait(false);
        if (stored.SequenceEqual(row.Tags.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            return;
        }

        await connection.ExecuteAsync("DELETE FROM customer_list_tags WHERE channel_id = $channel AND user_id = $user;", cancellationToken, transaction,
            ("$channel", row.ChannelId), ("$user", row.UserId)).ConfigureAwait(false);
        foreach (var tag in row.Tags.Distinct(StringComparer.Ordinal))
        {
            await connection.ExecuteAsync("INSERT INTO customer_list_tags (tag, channel_id, user_id) VALUES ($tag, $channel, $user);", cancellationToken, transaction,
                ("$tag", tag), ("$channel", row.ChannelId), ("$user", row.UserId)).ConfigureAwait(false);
        }
    }

    private static (string Where, List<(string, object?)> Parameters) Filter(CustomerListQuery query)
    {
        var where = new StringBuilder();
        var parameters = new List<(string, object?)>();
        void And(string condition) => where.Append(where.Length == 0 ? "WHERE " : " AND ").Append(condition);
        if (query.Status is not null)
        {
            And("c.status = $status");
            parameters.Add(("$status", query.Status));
        }

        if (query.Tag is not null)
        {
            And("EXISTS (SELECT 1 FROM customer_list_tags t WHERE t.tag = $tag AND t.channel_id = c.channel_id AND t.user_id = c.user_id)");
            parameters.Add(("$tag", query.Tag));
        }

        if (query.AssignedAgent is not null)
        {
            And("c.assigned_agent = $agent");
            parameters.Add(("$agent", query.AssignedAgent));
        }

        if (!string.IsNullOrEmpty(query.NamePrefix))
        {
            // A range, not LIKE, so the name index serves it.
            And("c.name_key >= $namePrefix AND c.name_key < $nameEnd");
            parameters.Add(("$namePrefix", query.NamePrefix));
            parameters.Add(("$nameEnd", query.NamePrefix + "\uffff"));
        }

        return (where.ToString(), parameters);
    }

    // Run for every turn's list row inside the group commit: on the writer's connection a kept statement, parsed once.
    private static async Task<IReadOnlyList<string>> TagsAsync(SqliteConnection connection, SqliteTransaction transaction, CustomerListRow row, CancellationToken cancellationToken) =>
        await connection.QueryAsync("SELECT tag FROM customer_list_tags WHERE channel_id = $channel AND user_id = $user ORDER BY tag;", reader => reader.GetString(0),
            cancellationToken, transaction, ("$channel", row.ChannelId), ("$user", row.UserId)).ConfigureAwait(false);

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? NullableTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : SqliteCommandExtensions.FromUnixMs(reader.GetInt64(ordinal));
}
