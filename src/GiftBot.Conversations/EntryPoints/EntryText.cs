namespace GiftBot.Conversations.EntryPoints;

/// <summary>Content keys (content/text/&lt;locale&gt;/entry-points.json) for links, ads and sharing.</summary>
public static class EntryText
{
    public const string ShareLink = "entry.shareLink";
    public const string ShareUnavailable = "entry.shareUnavailable";
    public const string SharedArrival = "entry.sharedArrival";
    public const string SharedProducts = "entry.sharedProducts";
    public const string AdProduct = "entry.adProduct";
    public const string AdTheme = "entry.adTheme";
    public const string FaqTopicMissing = "entry.faqTopicMissing";
}

/// <summary>Funnel event kinds recorded for entries (strings, as every funnel kind).</summary>
public static class EntryFunnelKinds
{
    public const string Referral = "entry_referral";
    public const string ShareCreated = "share_created";
    public const string ShareArrival = "share_arrival";
}
