using System.Text.Json;

namespace GiftBot.Testing;

/// <summary>What the <see cref="RecordingHttpServer"/> answers: a status, a body (JSON by default) and optional headers or delay.</summary>
public sealed record ScriptedResponse(int Status, string Body = "", string ContentType = "application/json")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Wait this long before answering (for client timeout tests); the wait ends early when the client gives up.</summary>
    public TimeSpan Delay { get; init; }

    public static ScriptedResponse Json(int status, object body) =>
        new(status, body as string ?? JsonSerializer.Serialize(body));

    public static ScriptedResponse Ok(object? body = null) => Json(200, body ?? new { });

    public static ScriptedResponse Text(int status, string text) => new(status, text, "text/plain; charset=utf-8");
}
