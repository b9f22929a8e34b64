using System.Buffers;
using GiftBot.Storage;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace GiftBot.Bot;

/// <summary>The outcome of reading /api/messages: an activity the adapter can process, or the HTTP problem to answer with.</summary>
public sealed record IncomingActivity(Activity? Activity, int ProblemStatus = 0, string? ProblemDetail = null)
{
    public bool IsValid => Activity is not null;
}

/// <summary>
/// Reads and checks an activity before CloudAdapter sees it. Stock CloudAdapter turns invalid JSON into an empty 400 but
/// lets an activity without conversation, serviceUrl or channel through, where it fails later with a 500; and it
/// reads bodies of any size and depth. Here every such request gets a 4xx with a short problem text instead.
/// </summary>
public static class IncomingActivityReader
{
    private const int MaxJsonDepth = 64;

    public static async Task<IncomingActivity> ReadAsync(Stream body, long? contentLength, int maxBytes, CancellationToken cancellationToken)
    {
        if (contentLength > maxBytes)
            return TooLarge(maxBytes);

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, 16 * 1024));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                length += read;
                if (length > maxBytes) return TooLarge(maxBytes);
            }
            if (length == 0) return Problem("The request body is empty; POST a Bot Framework activity as JSON.");
            return Parse(buffer, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IncomingActivity Parse(byte[] buffer, int length)
    {
        Activity? activity;
        try
        {
            using var stream = new MemoryStream(buffer, 0, length, writable: false);
            using var reader = new JsonTextReader(new StreamReader(stream)) { MaxDepth = MaxJsonDepth, ArrayPool = PooledJson.Chars };
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
                return Problem("The request body must be a JSON object (a Bot Framework activity).");
            activity = HttpHelper.BotMessageSerializer.Deserialize<Activity>(reader);
            if (reader.Read())
                return Problem("The request body has content after the activity's JSON object.");
        }
        catch (JsonException)
        {
            // The exception text can quote the body, so only a generic reason goes back (and nothing is logged).
            return Problem("The request body is not valid JSON for a Bot Framework activity.");
        }
        return activity is null ? Problem("The request body must be a JSON object (a Bot Framework activity).") : Validate(activity);
    }

    private static IncomingActivity Validate(Activity activity)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(activity.Type)) missing.Add("type");
        if (string.IsNullOrWhiteSpace(activity.ChannelId)) missing.Add("channelId");
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id)) missing.Add("conversation.id");
        if (string.IsNullOrWhiteSpace(activity.From?.Id)) missing.Add("from.id");
        if (missing.Count > 0)
            return Problem($"The activity is missing {string.Join(", ", missing)}.");
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttp && serviceUrl.Scheme != Uri.UriSchemeHttps))
            return Problem("The activity's serviceUrl must be an absolute http(s) URL: it is where the bot sends its replies.");
        return new IncomingActivity(activity);
    }

    private static IncomingActivity TooLarge(int maxBytes) =>
        new(null, StatusCodes.Status413PayloadTooLarge, $"The activity is larger than {maxBytes} bytes.");

    private static IncomingActivity Problem(string detail) => new(null, StatusCodes.Status400BadRequest, detail);
}
