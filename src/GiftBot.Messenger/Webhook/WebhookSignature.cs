using System.Security.Cryptography;
using System.Text;

namespace GiftBot.Messenger.Webhook;

/// <summary>
/// Checks X-Hub-Signature-256 ("sha256=" + lowercase hex HMAC-SHA256 of the raw body keyed by the app secret).
/// Meta signs the body exactly as sent (non-ASCII escaped as \uXXXX), so the hash is over the raw bytes, never re-serialised JSON.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";

    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string appSecret)
    {
        if (string.IsNullOrEmpty(header) || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return false;
        byte[] provided;
        try { provided = Convert.FromHexString(header.AsSpan(Prefix.Length).Trim()); }
        catch (FormatException) { return false; }
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, provided);
    }

    /// <summary>The header value Meta would send for <paramref name="body"/> (for tests and local tools).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string appSecret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
}
