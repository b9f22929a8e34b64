using System.Buffers;
using System.IO.Compression;
using System.Text;
using GiftBot.Dialogs;
using GiftBot.Storage;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace GiftBot.WebConsole.Transcripts;

/// <summary>
/// How a transcript message is stored: the activity as plain JSON without what its row already says (the channel) or what
/// no reader of a reply uses (the connector's envelope: service URL, sender and recipient accounts, ids, locale, input hint),
/// and without empty lists. An inbound message keeps its envelope: the latest one is where an agent's reply goes. Text,
/// cards, quick replies, channelData, the conversation id and the agent's name stay, so the inbox, the export and the
/// privacy delete read what they read before; rows written whole by earlier versions read as they always did.
/// A reply sent through a kept Bot Connector client is the exception (<see cref="Stored"/>): it is stored as the JSON the
/// connector got, envelope included (a few dozen bytes more once compressed), because that JSON already exists and
/// serialising the reply a second time cost a turn more than those bytes do; it reads back like a row stored whole.
/// </summary>
public static class TranscriptActivityJson
{
    private static readonly string[] Envelope =
        ["serviceUrl", "channelId", "from", "recipient", "id", "replyToId", "locale", "inputHint", "timestamp", "localTimestamp", "localTimezone", "callerId"];

    private static readonly JsonSerializerSettings Plain = new() { NullValueHandling = NullValueHandling.Ignore, TypeNameHandling = TypeNameHandling.None };
    private static readonly JsonSerializer InboundSerializer = JsonSerializer.Create(Compact(["channelId"]));
    private static readonly JsonSerializer OutboundSerializer = JsonSerializer.Create(Compact(Envelope));

    public static string Serialize(Activity activity, bool inbound) =>
        PooledJson.Write(json => (inbound ? InboundSerializer : OutboundSerializer).Serialize(json, activity));

    /// <summary>
    /// The stored form of a message: <see cref="Serialize"/>'s JSON, <see cref="Compress(ReadOnlySpan{byte})"/>ed straight from
    /// its UTF-8 in a pooled buffer (no string, no UTF-8 copy: this runs for every message in and out).
    /// </summary>
    public static byte[] SerializeCompressed(Activity activity, bool inbound) =>
        PooledJson.WriteUtf8(json => (inbound ? InboundSerializer : OutboundSerializer).Serialize(json, activity), Compress);

    /// <summary>
    /// What a transcript row stores for <paramref name="message"/>: a reply that kept the JSON it was sent as stores that,
    /// compressed (the reply whole, envelope included, as the channel got it: one serialisation per reply, not two); anything
    /// else its compact form (<see cref="SerializeCompressed"/>). <see cref="Deserialize"/> reads either.
    /// </summary>
    public static byte[] Stored(TranscriptAppend message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.SentJson is { } sent ? Compress(sent) : SerializeCompressed(message.Activity, message.Inbound);
    }

    /// <summary>The stored JSON as an activity again, its channel taken from the row when the JSON leaves it out.</summary>
    public static Activity Deserialize(string json, string channelId)
    {
        var activity = JsonConvert.DeserializeObject<Activity>(json, Plain) ?? new Activity(ActivityTypes.Message);
        activity.ChannelId ??= channelId;
        return activity;
    }

    /// <summary>The JSON Brotli-compressed (SQLite keeps it as a BLOB; cards and quick replies shrink to about a sixth).</summary>
    // Quality 1 with a 64 KB window: this runs on every turn. A 2 KB carousel took 6 µs and came out at 343 bytes, where
    // quality 5 with a 4 MB window took 320 µs for 274 bytes: its encoder state is megabytes, mapped and zeroed per call.
    public static byte[] Compress(string json) => Compress(Encoding.UTF8.GetBytes(json));

    /// <summary>UTF-8 JSON Brotli-compressed, as <see cref="Compress(string)"/>.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> bytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(bytes.Length));
        try
        {
            return BrotliEncoder.TryCompress(bytes, buffer, out var written, quality: 1, window: 16)
                ? buffer.AsSpan(0, written).ToArray()
                : throw new InvalidOperationException("Brotli could not compress a transcript message.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A stored value back as JSON: a BLOB is compressed JSON, text is JSON as earlier versions stored it.</summary>
    public static string Decompress(object stored)
    {
        if (stored is string text) return text;
        using var input = new MemoryStream((byte[])stored);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    // Empty lists are left out too: most replies have no attachments and no entities.
    private static JsonSerializerSettings Compact(IReadOnlyCollection<string> skipped) => CompactActivityJson.Settings(skipped, ["attachments", "entities"]);
}
