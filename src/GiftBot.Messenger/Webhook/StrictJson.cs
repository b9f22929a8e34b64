using System.Text.Json;

namespace GiftBot.Messenger.Webhook;

/// <summary>
/// RFC 8259 JSON and nothing more: no single quotes, comments, NaN/Infinity, trailing commas, trailing content or
/// duplicate keys (two parsers could pick different values of a duplicated "id"). A leading UTF-8 BOM is allowed, as
/// RFC 8259 permits. Nesting is bounded, so a deeply nested body costs nothing.
/// </summary>
public static class StrictJson
{
    public const int MaxDepth = 32;

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
        MaxDepth = MaxDepth,
    };

    /// <summary>Parses <paramref name="utf8"/>; throws <see cref="JsonException"/> (never anything else) when it is not strict JSON.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        JsonDocument document;
        try { document = JsonDocument.Parse(utf8, Options); }
        catch (ArgumentException ex) { throw new JsonException(ex.Message, ex); }
        try
        {
            EnsureReadable(document.RootElement);
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    // The parser accepts escaped lone surrogates ("\ud800") and numbers no double holds (1e400); both would throw later,
    // wherever a value is first read, so they are refused here, once, for the whole body.
    private static void EnsureReadable(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    ReadString(() => property.Name);
                    EnsureReadable(property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) EnsureReadable(item);
                break;
            case JsonValueKind.String:
                ReadString(element.GetString);
                break;
            case JsonValueKind.Number when !element.TryGetDouble(out var number) || !double.IsFinite(number):
                throw new JsonException("A number is too large to be represented.");
        }
    }

    private static void ReadString(Func<string?> read)
    {
        try { read(); }
        catch (InvalidOperationException ex) { throw new JsonException("A string is not valid UTF-16 (a lone surrogate escape).", ex); }
    }

    /// <summary>A short description of why a body is not strict JSON, with its position; never the body's content.</summary>
    public static string Describe(JsonException exception)
    {
        var position = exception.LineNumber is { } line ? $" (line {line + 1}, byte {exception.BytePositionInLine + 1})" : "";
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        if (message.Length > 160) message = message[..160];
        return $"body is not strict JSON{position}: {message}";
    }
}
