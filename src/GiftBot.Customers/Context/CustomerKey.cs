namespace GiftBot.Customers.Context;

/// <summary>Storage keys and id checks. Ids are escaped into the key so an id containing "/" cannot reach another person's key.</summary>
public static class CustomerKey
{
    public const int MaxIdLength = 256;
    public const string Prefix = "customers/";

    public static string For(string channelId, string userId)
    {
        EnsureValid(channelId, nameof(channelId));
        EnsureValid(userId, nameof(userId));
        return $"{Prefix}{Uri.EscapeDataString(channelId)}/{Uri.EscapeDataString(userId)}";
    }

    /// <summary>True for a usable channel or user id: not blank, at most 256 characters, no control characters.</summary>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= MaxIdLength && !id.Any(char.IsControl);

    private static void EnsureValid(string id, string parameterName)
    {
        if (!IsValidId(id))
        {
            throw new ArgumentException("A channel or user id must be 1-256 characters without control characters.", parameterName);
        }
    }
}
