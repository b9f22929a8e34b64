using System.Globalization;
using System.Text.Json;
using GiftBot.Customers.Context;
using GiftBot.Customers.Handover;
using GiftBot.Customers.Window;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Customers.AgentApi;

/// <summary>
/// The agents' JSON API under /api/agent: list customers (e.g. the waiting queue), read a context card with the
/// basket and saved recipients, and change tags, assignee, notes and handover state. Every route needs the API key.
/// </summary>
public static class AgentApiEndpoints
{
    public const string RoutePrefix = "/api/agent";
    private const int DefaultPageSize = 25;

    public static RouteGroupBuilder MapAgentApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        LogAvailability(endpoints.ServiceProvider);
        var group = endpoints.MapGroup(RoutePrefix).AddEndpointFilter<ApiKeyFilter>();
        group.MapGet("/customers", ListAsync);
        group.MapGet("/customers/{channelId}/{userId}", GetCardAsync);
        AgentWriteEndpoints.Map(group);
        return group;
    }

    private static async Task<IResult> ListAsync(
        HttpRequest request, ICustomerContextStore store, IOptionsMonitor<AgentApiOptions> options, CancellationToken cancellationToken)
    {
        var query = request.Query;
        HandoverStatus? status = null;
        if (!string.IsNullOrWhiteSpace(query["status"]))
        {
            if (!HandoverStatuses.TryParse(query["status"], out var parsed))
            {
                return Problems.BadRequest($"\"status\" must be one of: {HandoverStatuses.Allowed}.");
            }

            status = parsed;
        }

        string? tag = null;
        if (!string.IsNullOrWhiteSpace(query["tag"]) && (tag = CustomerTags.Normalize(query["tag"])) is null)
        {
            return Problems.BadRequest("\"tag\" is not a valid tag.");
        }

        var maxPageSize = options.CurrentValue.MaxPageSize;
        if (!TryReadInt(query["page"], 1, 1, int.MaxValue / maxPageSize, out var page)
            || !TryReadInt(query["pageSize"], Math.Min(DefaultPageSize, maxPageSize), 1, maxPageSize, out var pageSize))
        {
            return Problems.BadRequest($"\"page\" must be a whole number from 1 and \"pageSize\" from 1 to {maxPageSize}.");
        }

        var assignee = query["assignee"].ToString().Trim();
        var name = query["name"].ToString().Trim();
        if (name.Length > CustomerKey.MaxIdLength || name.Any(char.IsControl))
        {
            return Problems.BadRequest($"\"name\" must be at most {CustomerKey.MaxIdLength} characters without control characters.");
        }

        var result = await store.ListAsync(
            new CustomerQuery
            {
                Status = status, Tag = tag, AssignedAgent = assignee.Length == 0 ? null : assignee, NameStartsWith = name.Length == 0 ? null : name,
                Page = page, PageSize = pageSize,
            },
            cancellationToken).ConfigureAwait(false);
        return Results.Json(result, AgentJson.Options);
    }

    private static async Task<IResult> GetCardAsync(
        string channelId, string userId, ICustomerContextStore store, UserStateDocument userState, MessagingWindowPolicy policy,
        IOptionsMonitor<CustomersOptions> customers, CancellationToken cancellationToken)
    {
        if (!CustomerKey.IsValidId(channelId) || !CustomerKey.IsValidId(userId))
        {
            return Problems.InvalidIds();
        }

        var context = await store.GetAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
        if (context is null)
        {
            return Problems.UnknownCustomer(channelId, userId);
        }

        var card = JsonSerializer.SerializeToNode(context, AgentJson.Options)!.AsObject();
        var windowed = customers.CurrentValue.MessagingWindowChannels.Contains(channelId, StringComparer.OrdinalIgnoreCase);
        card["messagingWindow"] = windowed
            ? JsonSerializer.SerializeToNode(policy.Describe(context.LastInteractionAt, context.LastUserMessageAt), AgentJson.Options)
            : null;
        card["userState"] = await userState.ReadAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
        return Results.Json(card, AgentJson.Options);
    }

    private static bool TryReadInt(string? text, int fallback, int min, int max, out int value)
    {
        value = fallback;
        return string.IsNullOrWhiteSpace(text)
            || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
    }

    private static void LogAvailability(IServiceProvider services)
    {
        var key = services.GetRequiredService<IOptionsMonitor<AgentApiOptions>>().CurrentValue.ApiKey;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AgentApiEndpoints).FullName!);
        if (string.IsNullOrEmpty(key))
        {
            logger.LogWarning("The agent API is disabled: {Setting} is not set, so every {Prefix} request is refused", "AgentApi:ApiKey", RoutePrefix);
        }
        else
        {
            logger.LogInformation("The agent API is enabled at {Prefix}", RoutePrefix);
        }
    }
}
