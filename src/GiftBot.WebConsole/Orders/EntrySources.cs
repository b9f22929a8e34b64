using GiftBot.Customers.Context;

namespace GiftBot.WebConsole.Orders;

/// <summary>The key figures group by: "ad:{ad id}", "ref:{ref}" (m.me link, QR code, share) or "organic".</summary>
public static class EntrySources
{
    public const string Organic = "organic";

    public static string KeyOf(EntrySource? entry) => entry switch
    {
        { AdId: { Length: > 0 } ad } => "ad:" + ad,
        { Ref: { Length: > 0 } reference } => "ref:" + reference,
        _ => Organic,
    };

    public static string? AdIdOf(string key) => key.StartsWith("ad:", StringComparison.Ordinal) ? key[3..] : null;
}
