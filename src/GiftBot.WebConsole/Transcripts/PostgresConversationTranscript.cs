using GiftBot.Storage.Postgres;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Npgsql;

namespace GiftBot.WebConsole.Transcripts;

/// <summary>The transcript in the shared PostgreSQL database: every instance appends each turn here, and any instance's inbox reads it whole.</summary>
public sealed class PostgresConversationTranscript(PostgresDatabase database) : IConversationTranscript
{
    // activity: the JSON as text (rows of earlier versions); activity_z: the JSON Brotli-compressed (rows written now: compact, or a reply as sent).
    private const string Columns = "id, channel_id, user_id, direction, route, at, activity, activity_z";

    public async Task AppendAllAsync(IReadOnlyList<TranscriptAppend> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0) return;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = entries.Count > 1 ? await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        foreach (var entry in entries)
        {
            await connection.ExecuteAsync(
                "INSERT INTO console_transcript (channel_id, user_id, direction, route, at, activity_z) VALUES (@channel, @user, @direction, @route, @at, @activity);",
                cancellationToken, transaction, ("channel", entry.ChannelId), ("user", entry.UserId), ("direction", entry.Inbound ? "in" : "out"), ("route", entry.Route),
                ("at", entry.At.ToUnixTimeMilliseconds()), ("activity", TranscriptActivityJson.Stored(entry))).ConfigureAwait(false);
        }
        if (transaction is not null) await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string channelId, string userId, int limit, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT * FROM (SELECT {Columns} FROM console_transcript WHERE channel_id = @channel AND user_id = @user ORDER BY id DESC LIMIT @limit) latest ORDER BY id;",
            cancellationToken, ("channel", channelId), ("user", userId), ("limit", Math.Max(0, limit)));

    public Task<IReadOnlyList<TranscriptEntry>> ReadRangeAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM console_transcript WHERE at >= @from AND at < @to ORDER BY id;",
            cancellationToken, ("from", from.ToUnixTimeMilliseconds()), ("to", to.ToUnixTimeMilliseconds()));

    public async Task<TranscriptEntry?> LatestInboundAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM console_transcript WHERE channel_id = @channel AND user_id = @user AND direction = 'in' ORDER BY id DESC LIMIT 1;",
            cancellationToken, ("channel", channelId), ("user", userId)).ConfigureAwait(false)).FirstOrDefault();

    public async Task<int> DeleteAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync("DELETE FROM console_transcript WHERE channel_id = @channel AND user_id = @user;",
            cancellationToken, null, ("channel", channelId), ("user", userId)).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<TranscriptEntry>> QueryAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(sql, null, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<TranscriptEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) entries.Add(Read(reader));
        return entries;
    }

    private static TranscriptEntry Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3) == "in", reader.GetString(4),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
        TranscriptActivityJson.Deserialize(
            TranscriptActivityJson.Decompress(reader.IsDBNull(7) ? reader.GetString(6) : reader.GetFieldValue<byte[]>(7)), reader.GetString(1)));
}
