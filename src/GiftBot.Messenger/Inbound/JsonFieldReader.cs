using System.Text.Json;

namespace GiftBot.Messenger.Inbound;

/// <summary>
/// A JSON value with its path ("message.attachments[0].payload.url"), read with the checks a webhook field needs.
/// Every failure is a <see cref="MessengerFieldException"/> naming the path and the expectation, never the value.
/// </summary>
public readonly struct JsonFieldReader(JsonElement element, string path)
{
    /// <summary>PSIDs, Page and app ids are 15-17 digits; a plugin's user_ref is the developer's own token.</summary>
    public const int MaxId = 128;
    /// <summary>Message ids ("m_..."), about 100 characters today.</summary>
    public const int MaxMid = 1024;
    /// <summary>Meta caps payloads and metadata at 1,000 characters; room to spare, but bounded.</summary>
    public const int MaxPayload = 4096;
    /// <summary>m.me ref parameters are at most 2,083 characters.</summary>
    public const int MaxRef = 2083;
    public const int MaxUrl = 8192;
    public const int MaxTitle = 1024;
    public const int MaxShortText = 64;
    /// <summary>The last millisecond a DateTimeOffset holds (9999-12-31).</summary>
    public const long MaxTimestamp = 253_402_300_799_999;

    public JsonElement Element { get; } = element;
    public string Path { get; } = path;

    public bool Has(string name) => Element.TryGetProperty(name, out _);

    /// <summary>The named field, or null when absent (or JSON null, unless <paramref name="nullIsAbsent"/> is false).</summary>
    public JsonFieldReader? Optional(string name, bool nullIsAbsent = true)
    {
        EnsureObject();
        if (!Element.TryGetProperty(name, out var value)) return null;
        if (nullIsAbsent && value.ValueKind == JsonValueKind.Null) return null;
        return new JsonFieldReader(value, Child(name));
    }

    public JsonFieldReader Required(string name) =>
        Optional(name, nullIsAbsent: false) is { } field ? field : throw Fail(Child(name), "missing");

    public void EnsureObject()
    {
        if (Element.ValueKind != JsonValueKind.Object) throw Expected("an object");
    }

    public IEnumerable<(string Name, JsonFieldReader Value)> Properties()
    {
        EnsureObject();
        foreach (var property in Element.EnumerateObject())
            yield return (property.Name, new JsonFieldReader(property.Value, Child(property.Name)));
    }

    public IEnumerable<JsonFieldReader> Items()
    {
        if (Element.ValueKind != JsonValueKind.Array) throw Expected("an array");
        var index = 0;
        foreach (var item in Element.EnumerateArray())
            yield return new JsonFieldReader(item, $"{Path}[{index++}]");
    }

    public string Text(int maxLength)
    {
        if (Element.ValueKind != JsonValueKind.String) throw Expected("a string");
        var text = Element.GetString()!;
        if (text.Length > maxLength) throw Fail(Path, $"longer than {maxLength} characters");
        return text;
    }

    /// <summary>An id: 1 to <paramref name="maxLength"/> printable ASCII characters without spaces.</summary>
    public string Id(int maxLength = MaxId)
    {
        if (Element.ValueKind != JsonValueKind.String) throw Expected("a string id");
        var id = Element.GetString()!;
        if (id.Length == 0 || id.Length > maxLength || !id.All(c => c is > ' ' and < '\x7f'))
            throw Fail(Path, $"expected an id of 1-{maxLength} printable ASCII characters");
        return id;
    }

    /// <summary>App, ad and sticker ids arrive as strings or as JSON integers; both become text.</summary>
    public string NumericOrTextId()
    {
        if (Element.ValueKind == JsonValueKind.Number)
            return Element.TryGetUInt64(out var number) ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : throw Expected("a positive integer or string id");
        return Id();
    }

    /// <summary>A catalog or post reference: a string (retailer ids may hold spaces) or a JSON integer.</summary>
    public string TextOrInteger(int maxLength) =>
        Element.ValueKind == JsonValueKind.Number ? NumericOrTextId() : Text(maxLength);

    public bool Boolean() => Element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Expected("true or false"),
    };

    /// <summary>Epoch milliseconds: an integer from 0 to the last date a DateTimeOffset holds.</summary>
    public long Timestamp()
    {
        if (Element.ValueKind != JsonValueKind.Number || !Element.TryGetInt64(out var value)) throw Expected("an integer (epoch milliseconds)");
        if (value is < 0 or > MaxTimestamp) throw Fail(Path, $"out of range (0 to {MaxTimestamp})");
        return value;
    }

    public IReadOnlyList<string> Strings(int maxLength) => Items().Select(item => item.Text(maxLength)).ToList();

    private string Child(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    private MessengerFieldException Expected(string expectation) => Fail(Path, $"expected {expectation}, got {Describe(Element.ValueKind)}");

    private static MessengerFieldException Fail(string path, string problem) => new($"{(path.Length == 0 ? "item" : path)}: {problem}");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}

/// <summary>A field of a webhook item is missing, of the wrong type or out of range; the message names it, never its value.</summary>
public sealed class MessengerFieldException(string message) : Exception(message);
