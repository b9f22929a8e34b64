namespace GiftBot.Testing;

/// <summary>
/// Answers requests that match a method and path. Responses given as a sequence are used in order; the last one
/// repeats once the sequence runs out (so "500, 500, 200" means "fail twice, then succeed forever").
/// </summary>
public sealed class ScriptedRoute
{
    private readonly object _gate = new();
    private readonly Queue<Func<RecordedRequest, ScriptedResponse>> _sequence = new();
    private Func<RecordedRequest, ScriptedResponse> _last = _ => ScriptedResponse.Ok();

    internal ScriptedRoute(string method, string pathPattern)
    {
        Method = method.ToUpperInvariant();
        PathPattern = pathPattern;
    }

    public string Method { get; }

    /// <summary>An exact path, or a prefix ending in "*" (e.g. "/v25.0/*").</summary>
    public string PathPattern { get; }

    public ScriptedRoute Respond(int status, object body) => Respond(ScriptedResponse.Json(status, body));

    public ScriptedRoute Respond(ScriptedResponse response) => Respond(_ => response);

    public ScriptedRoute Respond(Func<RecordedRequest, ScriptedResponse> responder)
    {
        lock (_gate) { _sequence.Clear(); _last = responder; }
        return this;
    }

    /// <summary>Answers with each response once, in order, then keeps repeating the last.</summary>
    public ScriptedRoute RespondSequence(params ScriptedResponse[] responses)
    {
        if (responses.Length == 0) throw new ArgumentException("A sequence needs at least one response.", nameof(responses));
        lock (_gate)
        {
            _sequence.Clear();
            foreach (var response in responses[..^1]) _sequence.Enqueue(_ => response);
            var final = responses[^1];
            _last = _ => final;
        }
        return this;
    }

    internal bool Matches(string method, string path) =>
        (Method == "*" || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) &&
        (PathPattern.EndsWith('*')
            ? path.StartsWith(PathPattern[..^1], StringComparison.Ordinal)
            : string.Equals(PathPattern, path, StringComparison.Ordinal));

    internal ScriptedResponse Next(RecordedRequest request)
    {
        Func<RecordedRequest, ScriptedResponse> responder;
        lock (_gate) responder = _sequence.Count > 0 ? _sequence.Dequeue() : _last;
        return responder(request);
    }
}
