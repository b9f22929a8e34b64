using Microsoft.Extensions.Options;

namespace GiftBot.WebConsole.Orders;

/// <summary>The shop's order webhook (POST /api/orders). Off (404) until a secret is set. Bound to "Orders".</summary>
public sealed class OrdersOptions
{
    public const string SectionName = "Orders";

    /// <summary>Shared with the shop: the webhook body is signed with HMAC-SHA256 under this secret.</summary>
    public string? WebhookSecret { get; set; }

    public int MaxBodyBytes { get; set; } = 64 * 1024;
}

public sealed class OrdersOptionsValidator : IValidateOptions<OrdersOptions>
{
    public ValidateOptionsResult Validate(string? name, OrdersOptions options)
    {
        if (options.WebhookSecret is { Length: > 0 and < 16 })
            return ValidateOptionsResult.Fail($"{OrdersOptions.SectionName}:{nameof(options.WebhookSecret)} must be at least 16 characters (a long random value).");
        if (options.MaxBodyBytes is < 1024 or > 1024 * 1024)
            return ValidateOptionsResult.Fail($"{OrdersOptions.SectionName}:{nameof(options.MaxBodyBytes)} must be from 1024 to 1048576.");
        return ValidateOptionsResult.Success;
    }
}
