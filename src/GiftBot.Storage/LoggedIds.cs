using System.Security.Cryptography;
using System.Text;

namespace GiftBot.Storage;

/// <summary>
/// How logs at information level and above name a person or a key that holds one (a PSID, a user id, an inbox partition
/// "page:psid", a state or job key): a short hash, never the id itself. The same id gives the same hash, so one person's
/// lines can still be followed through the log; 32 bits of SHA-256 over ids from a space far larger than 2^32 has
/// millions of candidate ids per hash, so it cannot be turned back into the id.
/// </summary>
public static class LoggedIds
{
    /// <summary>"p:1a2b3c4d" for a person's id; "-" when there is none.</summary>
    public static string Person(string? id) => string.IsNullOrEmpty(id) ? "-" : "p:" + ShortHash(id);

    /// <summary>
    /// A key that may hold a person's id, as its first segment (a Page id, channel or kind, which say where to look) and
    /// a hash of the whole key: "1234:567890" → "1234#p:1a2b3c4d", "facebook/users/567890" → "facebook#p:…".
    /// </summary>
    public static string Key(string? key)
    {
        if (string.IsNullOrEmpty(key)) return "-";
        var end = key.IndexOfAny(['/', ':']);
        return (end > 0 ? key[..end] : "") + "#" + Person(key);
    }

    private static string ShortHash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)), 0, 4);
}
