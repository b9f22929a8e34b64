namespace GiftBot.Conversations.GiftFinder;

/// <summary>People the shopper has looked for gifts for ("my nephew, 8, loves space"), newest first, in UserState.</summary>
public sealed class RecipientProfiles
{
    public const int MaxProfiles = 5;

    public List<RecipientProfile> Profiles { get; set; } = [];

    public RecipientProfile? Latest => Profiles.Count > 0 ? Profiles[0] : null;

    public RecipientProfile? Find(string recipient) =>
        Profiles.Find(p => string.Equals(p.Recipient, recipient, StringComparison.OrdinalIgnoreCase));

    /// <summary>Saves or refreshes the profile and moves it to the front.</summary>
    public void Remember(RecipientProfile profile)
    {
        Profiles.RemoveAll(p => string.Equals(p.Recipient, profile.Recipient, StringComparison.OrdinalIgnoreCase));
        Profiles.Insert(0, profile);
        if (Profiles.Count > MaxProfiles) Profiles.RemoveRange(MaxProfiles, Profiles.Count - MaxProfiles);
    }
}

public sealed class RecipientProfile
{
    public string Recipient { get; set; } = "";
    public int? AgeMin { get; set; }
    public int? AgeMax { get; set; }
    public List<string> Interests { get; set; } = [];
    public DateTimeOffset LastSearchedAt { get; set; }
}
