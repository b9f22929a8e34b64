using GiftBot.Customers.Context;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GiftBot.Customers.AgentApi;

/// <summary>Agents' changes to a card: tags, assignee, notes. Unknown customers are never created here (404).</summary>
internal static class AgentWriteEndpoints
{
    internal const int MaxAgentNameLength = 100;

    public static void Map(RouteGroupBuilder group)
    {
        var customer = group.MapGroup("/customers/{channelId}/{userId}");
        customer.MapPut("/tags", ReplaceTagsAsync);
        customer.MapPost("/tags", AddTagsAsync);
        customer.MapDelete("/tags/{tag}", RemoveTagAsync);
        customer.MapPut("/assignee", AssignAsync);
        customer.MapPost("/notes", AddNoteAsync);
        customer.MapPost("/handover", HandoverEndpoint.ChangeAsync);
    }

    private static Task<IResult> ReplaceTagsAsync(string channelId, string userId, HttpRequest request, AgentRequestServices services, CancellationToken cancellationToken) =>
        ChangeTagsAsync(channelId, userId, request, services, replace: true, cancellationToken);

    private static Task<IResult> AddTagsAsync(string channelId, string userId, HttpRequest request, AgentRequestServices services, CancellationToken cancellationToken) =>
        ChangeTagsAsync(channelId, userId, request, services, replace: false, cancellationToken);

    private static async Task<IResult> ChangeTagsAsync(
        string channelId, string userId, HttpRequest request, AgentRequestServices services, bool replace, CancellationToken cancellationToken)
    {
        if (!CustomerKey.IsValidId(channelId) || !CustomerKey.IsValidId(userId))
        {
            return Problems.InvalidIds();
        }

        var (body, problem) = await JsonBody.ReadAsync<TagsRequest>(request, services.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Tags is null && (replace || body.Tag is null))
        {
            return Problems.BadRequest(replace ? "\"tags\" must be an array of tags." : "Send \"tags\" (an array) or \"tag\".");
        }

        if (!CustomerTags.TryNormalizeAll(body.All, out var tags, out var invalid))
        {
            return Problems.BadRequest($"\"{Shorten(invalid)}\" is not a valid tag (1-{CustomerTags.MaxLength} characters, no control characters).");
        }

        var maxTags = services.Customers.MaxTags;
        var tooMany = false;
        var context = await services.Store.UpdateAsync(channelId, userId, c =>
        {
            tooMany = (replace ? tags.Count : c.Tags.Union(tags, StringComparer.Ordinal).Count()) > maxTags;
            return !tooMany && (replace ? c.ReplaceTags(tags) : c.AddTags(tags));
        }, createIfMissing: false, cancellationToken).ConfigureAwait(false);

        return context is null ? Problems.UnknownCustomer(channelId, userId)
            : tooMany ? Problems.BadRequest($"A customer can have at most {maxTags} tags.")
            : Results.Json(new { tags = context.Tags }, AgentJson.Options);
    }

    private static async Task<IResult> RemoveTagAsync(string channelId, string userId, string tag, AgentRequestServices services, CancellationToken cancellationToken)
    {
        if (!CustomerKey.IsValidId(channelId) || !CustomerKey.IsValidId(userId))
        {
            return Problems.InvalidIds();
        }

        if (CustomerTags.Normalize(tag) is not { } normalized)
        {
            return Problems.BadRequest("The tag in the path is not a valid tag.");
        }

        var context = await services.Store.UpdateAsync(channelId, userId, c => c.RemoveTag(normalized), createIfMissing: false, cancellationToken).ConfigureAwait(false);
        return context is null ? Problems.UnknownCustomer(channelId, userId) : Results.Json(new { tags = context.Tags }, AgentJson.Options);
    }

    private static async Task<IResult> AssignAsync(string channelId, string userId, HttpRequest request, AgentRequestServices services, CancellationToken cancellationToken)
    {
        if (!CustomerKey.IsValidId(channelId) || !CustomerKey.IsValidId(userId))
        {
            return Problems.InvalidIds();
        }

        var (body, problem) = await JsonBody.ReadAsync<AssigneeRequest>(request, services.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (!body!.HasAgent)
        {
            return Problems.BadRequest("\"agent\" is required (null unassigns).");
        }

        var agent = string.IsNullOrWhiteSpace(body.Agent) ? null : body.Agent.Trim();
        if (agent is not null && !IsValidAgentName(agent))
        {
            return Problems.BadRequest($"\"agent\" must be at most {MaxAgentNameLength} characters without control characters.");
        }

        var context = await services.Store.UpdateAsync(channelId, userId, c =>
        {
            var changed = c.AssignedAgent != agent;
            c.AssignedAgent = agent;
            return changed;
        }, createIfMissing: false, cancellationToken).ConfigureAwait(false);
        return context is null ? Problems.UnknownCustomer(channelId, userId) : Results.Json(new { assignedAgent = context.AssignedAgent }, AgentJson.Options);
    }

    private static async Task<IResult> AddNoteAsync(string channelId, string userId, HttpRequest request, AgentRequestServices services, CancellationToken cancellationToken)
    {
        if (!CustomerKey.IsValidId(channelId) || !CustomerKey.IsValidId(userId))
        {
            return Problems.InvalidIds();
        }

        var (body, problem) = await JsonBody.ReadAsync<NoteRequest>(request, services.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var (text, author, settings) = (body!.Text?.Trim(), body.Author?.Trim(), services.Customers);
        if (string.IsNullOrEmpty(text) || text.Length > settings.NoteTextLimit)
        {
            return Problems.BadRequest($"\"text\" is required and at most {settings.NoteTextLimit} characters.");
        }

        if (string.IsNullOrEmpty(author) || !IsValidAgentName(author))
        {
            return Problems.BadRequest($"\"author\" is required: at most {MaxAgentNameLength} characters without control characters.");
        }

        var note = new CustomerNote { Id = Guid.NewGuid().ToString("N"), Text = text, Author = author, At = services.Time.GetUtcNow() };
        var full = false;
        var context = await services.Store.UpdateAsync(channelId, userId, c =>
        {
            full = c.Notes.Count >= settings.MaxNotes;
            if (!full)
            {
                c.Notes.Add(note);
            }

            return !full;
        }, createIfMissing: false, cancellationToken).ConfigureAwait(false);

        return context is null ? Problems.UnknownCustomer(channelId, userId)
            : full ? Problems.Create(StatusCodes.Status409Conflict, "Too many notes", $"This customer already has {settings.MaxNotes} notes.")
            : Results.Json(note, AgentJson.Options, statusCode: StatusCodes.Status201Created);
    }

    internal static bool IsValidAgentName(string name) => name.Length <= MaxAgentNameLength && !name.Any(char.IsControl);

    private static string Shorten(string? value) => value is null ? "" : value.Length <= 60 ? value : value[..60] + "…";
}

/// <summary>The services every agent write needs, bound from DI in one parameter.</summary>
internal sealed class AgentRequestServices(ICustomerContextStore store, TimeProvider time, IOptionsMonitor<CustomersOptions> customers, IOptionsMonitor<AgentApiOptions> api)
{
    public ICustomerContextStore Store => store;
    public TimeProvider Time => time;
    public CustomersOptions Customers => customers.CurrentValue;
    public int MaxBodyBytes => api.CurrentValue.MaxBodyBytes;
}
