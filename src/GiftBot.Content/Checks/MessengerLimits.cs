namespace GiftBot.Content;

/// <summary>
/// Meta's Messenger Platform limits (characters) that content must respect, and which limit a text key falls under.
/// Text keys follow a naming convention so the checker knows what a line becomes on Messenger: a key with a
/// "quickReplies" or "buttons" segment is a quick reply / button title; "...cards.*.title"/"subtitle" are generic template fields.
/// </summary>
public static class MessengerLimits
{
    public const int Text = 2000;
    public const int Greeting = 160;
    public const int QuickReplyTitle = 20;
    public const int ButtonTitle = 20;
    public const int GenericTitle = 80;
    public const int GenericSubtitle = 80;
    public const int PersistentMenuTitle = 30;
    public const int Payload = 1000;
    public const int PersonaName = 50;
    public const int MaxButtons = 3;

    /// <summary>The limit for a line of content/text by its key, and what to call it in a finding.</summary>
    public static (int Limit, string What) ForTextKey(string key)
    {
        var segments = key.Split('.');
        bool Has(string name) => segments.Any(s => s.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (Has("quickReplies") || Has("quick_replies")) return (QuickReplyTitle, "a quick reply title");
        if (Has("buttons")) return (ButtonTitle, "a button title");
        if (Has("cards") && segments[^1].Equals("title", StringComparison.OrdinalIgnoreCase)) return (GenericTitle, "a card title");
        if (Has("cards") && segments[^1].Equals("subtitle", StringComparison.OrdinalIgnoreCase)) return (GenericSubtitle, "a card subtitle");
        if (segments[^1].Equals("greeting", StringComparison.OrdinalIgnoreCase)) return (Greeting, "a Messenger greeting");
        return (Text, "a message");
    }
}
