using Microsoft.AspNetCore.Http;

namespace GiftBot.Customers.AgentApi;

/// <summary>RFC 7807 problem responses for the agent API, in one place.</summary>
internal static class Problems
{
    public static IResult Create(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);

    public static IResult BadRequest(string detail) => Create(StatusCodes.Status400BadRequest, "Invalid request", detail);

    public static IResult UnknownCustomer(string channelId, string userId) =>
        Create(StatusCodes.Status404NotFound, "Unknown customer", $"No customer {userId} on channel {channelId}.");

    public static IResult InvalidIds() =>
        BadRequest("Channel and user ids must be 1-256 characters without control characters.");
}
