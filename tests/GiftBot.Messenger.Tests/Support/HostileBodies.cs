using System.Text;
using System.Text.Json.Nodes;

namespace GiftBot.Messenger.Tests.Support;

/// <summary>
/// Signed-but-hostile webhook bodies, generated: every field of every documented event kind (and of the envelope) replaced
/// by values of every other JSON type, out-of-range numbers, empty and oversized strings, removed; plus hand-written
/// lenient-JSON forms, BOMs, duplicate keys, deep nesting and unknown kinds. Every item is from <see cref="Psid"/> unless
/// the sender is what was broken, with a timestamp below <see cref="LastTimestamp"/>.
/// </summary>
public static class HostileBodies
{
    public const string Psid = MetaSamples.Psid;
    public const string PageId = MetaSamples.PageId;
    /// <summary>Stands for personal data in hostile values: it must never reach a log line about rejections.</summary>
    public const string Marker = "PRIVATE-7c1e-personal";
    public const long FirstTimestamp = 1_700_000_000_000;
    public static long LastTimestamp => FirstTimestamp + 100_000;

    private static int _counter;

    public static IEnumerable<string> Generated()
    {
        foreach (var template in Templates())
        {
            var sample = Envelope(template(0));
            foreach (var path in Paths(sample).Where(p => p.Count > 0 && (template == Templates()[0] || p.Count > 4)))
            {
                foreach (var value in WrongValues(path))
                    yield return OnStandbyNowAndThen(Mutate(Envelope(template(Next())), path, value));
                yield return OnStandbyNowAndThen(Mutate(Envelope(template(Next())), path, remove: true));
            }
        }
    }

    // Every third body arrives on the standby channel (another app owns the thread), which takes another path.
    private static string OnStandbyNowAndThen(string body) =>
        _counter % 3 == 0 ? new System.Text.RegularExpressions.Regex("\"messaging\":\\[").Replace(body, "\"standby\":[", 1) : body;

    public static IEnumerable<byte[]> Handwritten()
    {
        var good = Envelope(Text(Next())).ToJsonString();
        string[] texts =
        [
            "", " ", "null", "true", "1", "\"page\"", "[]", "{}", "[{}]",
            good.Replace("\"object\":\"page\"", "'object':'page'"),
            "/* comment */" + good,
            good.Insert(1, "// line comment\n"),
            good.Replace($"\"timestamp\":{FirstTimestamp}", "\"timestamp\":NaN"),
            good.Replace("\"text\":", "\"nan\":NaN,\"text\":"),
            good.Replace("\"text\":", "\"inf\":Infinity,\"text\":"),
            good.Replace("\"text\":", "\"neg\":-Infinity,\"text\":"),
            good.Replace("]}]}", "],}]}"),
            good + "garbage",
            good + good,
            good + "\u0000",
            good[..^5],
            good.Replace("\"sender\":{", "\"sender\":{\"id\":\"1\","),
            good.Replace("\"message\":{", "\"message\":{\"text\":\"first\","),
            good.Replace("{\"object\":\"page\",", "{\"object\":\"page\",\"object\":\"instagram\","),
            good.Replace("\"text\":\"", "\"text\":\"\\ud800"),
            good.Replace("\"text\":\"", "\"text\":\"\\x41"),
            good.Replace($"\"timestamp\":{FirstTimestamp}", "\"timestamp\":1e400"),
            good.Replace($"\"timestamp\":{FirstTimestamp}", "\"timestamp\":0x10"),
            good.Replace($"\"timestamp\":{FirstTimestamp}", "\"timestamp\":+1"),
            good.Replace($"\"timestamp\":{FirstTimestamp}", "\"timestamp\":01"),
            new string('[', 5000) + new string(']', 5000),
            Nest("{\"a\":", 2000, "1", "}"),
            Envelope(Item(Next(), new JsonObject { ["deep"] = JsonNode.Parse(Nest("{\"a\":", 30, "1", "}")) })).ToJsonString(),
            Envelope(Item(Next(), new JsonObject { ["message_edit"] = new JsonObject { ["mid"] = "m_1", ["text"] = Marker, ["num_edit"] = 1 } })).ToJsonString(),
            Envelope(Item(Next(), new JsonObject { ["unknown_kind"] = Marker })).ToJsonString(),
            Envelope(Item(Next(), [])).ToJsonString(),
            """{"object":"page","entry":[]}""",
            """{"object":"page","entry":[{"id":"PAGE_ID","time":1,"messaging":[]}]}""",
            """{"object":"page","entry":[{"id":"PAGE_ID","time":1,"standby":[]}]}""",
            """{"object":"page","entry":[{"id":"PAGE_ID","time":1,"changes":[{"field":"feed","value":{}}]}]}""",
            """{"object":"page","entry":[{"id":"PAGE_ID","time":1,"messaging":[null,1,"x",[],{}]}]}""",
            """{"object":"page","entry":[null,1,"x",[]]}""",
            """{"object":"user","entry":[{"id":"1","changes":[]}]}""",
            """{"object":null}""",
            Envelope(Enumerable.Range(0, 300).Select(_ => (JsonNode)new JsonObject { ["sender"] = 1 }).ToArray()).ToJsonString(),
            Envelope(Text(Next(), senderId: new string('7', 60_000))).ToJsonString(),
            Envelope(Text(Next(), senderId: "1254459154682919 ")).ToJsonString(),
            Envelope(Text(Next(), senderId: "12544\u000191546")).ToJsonString(),
            Envelope(Text(Next(), text: new string('x', 60_000))).ToJsonString(),
        ];
        foreach (var text in texts) yield return Encoding.UTF8.GetBytes(text);
        yield return [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Envelope(Text(Next())).ToJsonString())];
        yield return [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(good)];
        yield return [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(good)];
        yield return Encoding.UTF8.GetBytes(good.Replace("\"text\":\"", "\"text\":\"@")).Select(b => b == (byte)'@' ? (byte)0xFF : b).ToArray();
    }

    public static JsonObject Envelope(params JsonNode[] messaging) => new()
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(new JsonObject { ["id"] = PageId, ["time"] = FirstTimestamp, ["messaging"] = new JsonArray(messaging) }),
    };

    public static JsonObject Text(int n, string? senderId = null, string? text = null) => Item(n, new JsonObject
    {
        ["message"] = new JsonObject { ["mid"] = $"m_fuzz_{n}", ["text"] = text ?? $"hostile {n}" },
    }, senderId);

    private static int Next() => Interlocked.Increment(ref _counter) % 90_000 + 1;

    // One template per documented event kind (MP/webhooks/webhook-events), with every field the bot reads.
    private static Func<int, JsonObject>[] Templates() => _templates ??=
    [
        n => Item(n, new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["mid"] = $"m_fuzz_{n}", ["text"] = "hello",
                ["quick_reply"] = new JsonObject { ["payload"] = "CHEAPER" },
                ["reply_to"] = new JsonObject { ["mid"] = "m_earlier", ["is_self_reply"] = false },
                ["referral"] = new JsonObject
                {
                    ["ref"] = "space-gifts", ["ad_id"] = "6045246247433", ["source"] = "ADS", ["type"] = "OPEN_THREAD",
                    ["ads_context_data"] = new JsonObject { ["ad_title"] = "Space week", ["photo_url"] = "https://scontent.example/ad.jpg", ["post_id"] = "4455", ["product_id"] = "SKU-42" },
                },
            },
        }),
        n => Item(n, new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["mid"] = $"m_fuzz_{n}",
                ["attachments"] = new JsonArray(
                    new JsonObject { ["type"] = "image", ["payload"] = new JsonObject { ["url"] = "https://scontent.xx.fbcdn.net/v/photo.jpg" } },
                    new JsonObject { ["type"] = "sticker", ["payload"] = new JsonObject { ["url"] = "https://scontent.xx.fbcdn.net/v/s.png", ["sticker_id"] = 369239263222822 } },
                    new JsonObject { ["type"] = "fallback", ["title"] = "Rocket kit", ["url"] = "https://shop.example/p/1", ["payload"] = null }),
            },
        }),
        n => Item(n, new JsonObject
        {
            ["postback"] = new JsonObject
            {
                ["mid"] = $"m_fuzz_{n}", ["title"] = "Get Started", ["payload"] = "GET_STARTED",
                ["referral"] = new JsonObject { ["ref"] = "dino-gifts", ["source"] = "SHORTLINK", ["type"] = "OPEN_THREAD" },
            },
        }),
        n => Item(n, new JsonObject { ["referral"] = new JsonObject { ["ref"] = "share-ABC123", ["source"] = "SHORTLINK", ["type"] = "OPEN_THREAD" } }),
        n => Item(n, new JsonObject { ["read"] = new JsonObject { ["watermark"] = FirstTimestamp + n } }),
        n => Item(n, new JsonObject { ["delivery"] = new JsonObject { ["mids"] = new JsonArray("m_1", "m_2"), ["watermark"] = FirstTimestamp + n } }),
        n => Item(n, new JsonObject { ["reaction"] = new JsonObject { ["reaction"] = "love", ["emoji"] = "\u2764\uFE0F", ["action"] = "react", ["mid"] = "m_earlier" } }),
        n => Item(n, new JsonObject { ["optin"] = new JsonObject { ["type"] = "notification_messages", ["payload"] = "SALE_ALERTS", ["title"] = "Sale alerts", ["notification_messages_token"] = "TOKEN" } }),
        n => Item(n, new JsonObject { ["pass_thread_control"] = new JsonObject { ["previous_owner_app_id"] = null, ["new_owner_app_id"] = MessengerTestHost.AppId, ["metadata"] = "back to the bot" } }),
        n => Item(n, new JsonObject { ["take_thread_control"] = new JsonObject { ["previous_owner_app_id"] = MessengerTestHost.AppId, ["new_owner_app_id"] = "263902037430900", ["metadata"] = "taken" } }),
        n => Item(n, new JsonObject { ["request_thread_control"] = new JsonObject { ["requested_owner_app_id"] = "123456789", ["metadata"] = "please" } }),
        n => Item(n, new JsonObject { ["app_roles"] = new JsonObject { ["123456789"] = new JsonArray("primary_receiver") } }),
        n => new JsonObject
        {
            ["sender"] = new JsonObject { ["id"] = PageId },
            ["recipient"] = new JsonObject { ["id"] = Psid },
            ["timestamp"] = FirstTimestamp + n,
            ["message"] = new JsonObject { ["is_echo"] = true, ["app_id"] = 1517776481860111, ["metadata"] = "meta", ["mid"] = $"m_fuzz_{n}", ["text"] = "echoed" },
        },
    ];

    private static Func<int, JsonObject>[]? _templates;

    private static JsonObject Item(int n, JsonObject body, string? senderId = null)
    {
        var item = new JsonObject
        {
            ["sender"] = new JsonObject { ["id"] = senderId ?? Psid },
            ["recipient"] = new JsonObject { ["id"] = PageId },
            ["timestamp"] = FirstTimestamp + n,
        };
        foreach (var (name, value) in body.ToList())
        {
            body.Remove(name);
            item[name] = value;
        }
        return item;
    }

    // Wrong for any field: every other JSON type, numbers no field takes, empty, oversized and control-character strings.
    private static IEnumerable<JsonNode?> WrongValues(IReadOnlyList<object> path)
    {
        yield return null;
        yield return true;
        yield return -1;
        yield return JsonNode.Parse("1e30");
        yield return 1.5;
        yield return JsonNode.Parse("9223372036854775808");
        yield return "";
        yield return Marker;
        yield return new JsonArray();
        yield return new JsonObject();
        yield return new JsonObject { ["id"] = new JsonObject(), ["url"] = new JsonArray(Marker) };
        if (path[^1] is "id" or "mid" or "payload" or "ref" or "url" or "text")
        {
            yield return Marker + new string('9', 20_000);
            yield return Marker + "\u0000\n\u202e";
        }
    }

    private static List<List<object>> Paths(JsonNode node, List<object>? prefix = null)
    {
        prefix ??= [];
        var paths = new List<List<object>> { prefix };
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj) if (child is not null) paths.AddRange(Paths(child, [.. prefix, name])); else paths.Add([.. prefix, name]);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) if (array[i] is { } child) paths.AddRange(Paths(child, [.. prefix, i]));
                break;
        }
        return paths;
    }

    private static string Mutate(JsonObject body, IReadOnlyList<object> path, JsonNode? value = null, bool remove = false)
    {
        JsonNode parent = body;
        foreach (var step in path.SkipLast(1)) parent = step is int index ? parent[index]! : parent[(string)step]!;
        switch (path[^1])
        {
            case int index when remove: parent.AsArray().RemoveAt(index); break;
            case int index: parent[index] = value?.DeepClone(); break;
            case string name when remove: parent.AsObject().Remove(name); break;
            case string name: parent[name] = value?.DeepClone(); break;
        }
        return body.ToJsonString();
    }

    private static string Nest(string open, int depth, string inner, string close) =>
        string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));
}
