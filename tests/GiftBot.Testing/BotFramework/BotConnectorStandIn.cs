using Microsoft.Bot.Schema;

namespace GiftBot.Testing.BotFramework;

/// <summary>
/// A Bot Connector (Emulator / Azure Bot Service) stand-in on a <see cref="RecordingHttpServer"/>: accepts the replies a
/// bot POSTs to /v3/conversations/{id}/activities[/{replyToId}] with {"id": ...} and gives them back as activities.
/// Point an activity's serviceUrl at <see cref="ServiceUrl"/>.
/// </summary>
public sealed class BotConnectorStandIn : IAsyncDisposable
{
    private const string ConversationsPrefix = "/v3/conversations/";
    private int _nextId;

    private BotConnectorStandIn(RecordingHttpServer server) => Server = server;

    public RecordingHttpServer Server { get; }

    public string ServiceUrl => Server.BaseAddress.ToString();

    public static async Task<BotConnectorStandIn> StartAsync(CancellationToken cancellationToken = default)
    {
        var standIn = new BotConnectorStandIn(await RecordingHttpServer.StartAsync(cancellationToken));
        standIn.Server.On("POST", ConversationsPrefix + "*")
            .Respond(_ => ScriptedResponse.Ok(new { id = $"reply-{Interlocked.Increment(ref standIn._nextId)}" }));
        return standIn;
    }

    /// <summary>Every activity the bot sent into <paramref name="conversationId"/>, in arrival order (traces included).</summary>
    public IReadOnlyList<Activity> ActivitiesIn(string conversationId) =>
        Server.Requests
            .Where(r => r.Method == "POST" && r.Path.StartsWith($"{ConversationsPrefix}{Uri.EscapeDataString(conversationId)}/activities", StringComparison.Ordinal))
            .Select(r => BotJson.Deserialize<Activity>(r.Body))
            .ToList();

    /// <summary>The messages (not traces or typing) the bot sent into <paramref name="conversationId"/>.</summary>
    public IReadOnlyList<Activity> MessagesIn(string conversationId) =>
        ActivitiesIn(conversationId).Where(a => a.Type == ActivityTypes.Message).ToList();

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
