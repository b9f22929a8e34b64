using GiftBot.Storage;

namespace GiftBot.Customers.Context;

/// <summary>A card's row in the agents' list (<see cref="ICustomerListStore"/>): the fields the list filters, sorts and searches on.</summary>
public static class CustomerListRows
{
    public static CustomerListRow For(CustomerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new CustomerListRow(
            context.ChannelId,
            context.UserId,
            context.Profile.FirstName,
            NameKey(context.Profile.FirstName),
            context.Handover.Status.ToString(),
            context.Handover.Since,
            context.LastInteractionAt,
            context.AssignedAgent,
            context.Tags,
            context.FirstEntry?.Source);
    }

    /// <summary>Names are searched case-insensitively from their start ("ad" finds Ada and Adam).</summary>
    public static string? NameKey(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim().ToLowerInvariant();
}
