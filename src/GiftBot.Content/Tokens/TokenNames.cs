namespace GiftBot.Content;

/// <summary>The personalisation tokens every bot text may use, written {{name}} in content files.</summary>
public static class TokenNames
{
    public const string FirstName = "first_name";
    public const string PageName = "page_name";
    public const string Website = "website";
    public const string Phone = "phone";
    public const string OpeningHours = "opening_hours";
    public const string PersonaName = "persona_name";
    public const string BackAt = "back_at";

    public static readonly IReadOnlySet<string> Standard =
        new HashSet<string>([FirstName, PageName, Website, Phone, OpeningHours, PersonaName, BackAt], StringComparer.Ordinal);

    /// <summary>Messenger's own greeting placeholders (Messenger Profile API), resolved by Meta, not by GiftBot.</summary>
    public static readonly IReadOnlySet<string> MessengerGreeting =
        new HashSet<string>(["user_first_name", "user_last_name", "user_full_name"], StringComparer.Ordinal);
}
