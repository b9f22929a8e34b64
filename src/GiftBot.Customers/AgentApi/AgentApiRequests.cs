using System.Text.Json.Serialization;

namespace GiftBot.Customers.AgentApi;

/// <summary>{"tags": ["order problem"]} (or {"tag": "order problem"} to add one).</summary>
internal sealed record TagsRequest(List<string?>? Tags, string? Tag)
{
    public IEnumerable<string?> All => (Tags ?? []).Concat(Tag is null ? [] : [Tag]);
}

/// <summary>{"agent": "alice"}; {"agent": null} unassigns. The property must be present.</summary>
internal sealed class AssigneeRequest
{
    private string? _agent;

    public string? Agent
    {
        get => _agent;
        set
        {
            _agent = value;
            HasAgent = true;
        }
    }

    [JsonIgnore]
    public bool HasAgent { get; private set; }
}

/// <summary>{"text": "size M", "author": "alice"}.</summary>
internal sealed record NoteRequest(string? Text, string? Author);

/// <summary>{"status": "bot" | "waiting" | "human", "agent": "alice"}.</summary>
internal sealed record HandoverRequest(string? Status, string? Agent);
