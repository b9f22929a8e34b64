using GiftBot.WebConsole.Storage;
using Microsoft.Data.Sqlite;

namespace GiftBot.WebConsole.Transcripts;

public sealed class SqliteConversationTranscript(ConsoleSqlite sqlite) : IConversationTranscript
{
    private const string Columns = "id, channel_id, user_id, direction, route, at, activity";

    public async Task AppendAllAsync(IReadOnlyList<TranscriptAppend> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0) return;
        // Serialised and compressed before the write step: the database has one writer, and this is work any thread can do.
        var rows = entries.Select(e => (e, Activity: TranscriptActivityJson.Stored(e))).ToList();
        await sqlite.WriteAsync(async write =>
        {
            foreach (var (entry, activity) in rows)
            {
                await write.ExecuteAsync(
                    "INSERT INTO console_transcript (channel_id, user_id, direction, route, at, activity) VALUES ($channel, $user, $direction, $route, $at, $activity);",
                    cancellationToken, ("$channel", entry.ChannelId), ("$user", entry.UserId), ("$direction", entry.Inbound ? "in" : "out"), ("$route", entry.Route),
                    ("$at", entry.At.ToUnixTimeMilliseconds()), ("$activity", activity)).ConfigureAwait(false);
            }
            return rows.Count;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string channelId, string userId, int limit, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT * FROM (SELECT {Columns} FROM console_transcript WHERE channel_id = $channel AND user_id = $user ORDER BY id DESC LIMIT $limit) ORDER BY id;",
            cancellationToken, ("$channel", channelId), ("$user", userId), ("$limit", limit));

    public Task<IReadOnlyList<TranscriptEntry>> ReadRangeAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM console_transcript WHERE at >= $from AND at < $to ORDER BY id;",
            cancellationToken, ("$from", from.ToUnixTimeMilliseconds()), ("$to", to.ToUnixTimeMilliseconds()));

    public async Task<TranscriptEntry?> LatestInboundAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM console_transcript WHERE channel_id = $channel AND user_id = $user AND direction = 'in' ORDER BY id DESC LIMIT 1;",
            cancellationToken, ("$channel", channelId), ("$user", userId)).ConfigureAwait(false)).FirstOrDefault();

    public async Task<int> DeleteAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var deleted = await sqlite.WriteAsync(write => write.ExecuteAsync("DELETE FROM console_transcript WHERE channel_id = $channel AND user_id = $user;",
            cancellationToken, ("$channel", channelId), ("$user", userId)), cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    private async Task<IReadOnlyList<TranscriptEntry>> QueryAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await sqlite.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(sql, null, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<TranscriptEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) entries.Add(Read(reader));
        return entries;
    }

    private static TranscriptEntry Read(SqliteDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3) == "in", reader.GetString(4),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
        TranscriptActivityJson.Deserialize(TranscriptActivityJson.Decompress(reader.GetValue(6)), reader.GetString(1)));
}
