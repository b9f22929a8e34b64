namespace GiftBot.Conversations.Greeting;

/// <summary>How the persona greets people. Bound to the "Greeting" configuration section.</summary>
public sealed class GreetingOptions
{
    public const string SectionName = "Greeting";

    /// <summary>
    /// Display names channels give people they know nothing about (the Emulator's "User", Web Chat's "You"): never used
    /// as a first name, so nobody is greeted "Hi User!". Compared without case.
    /// </summary>
    public List<string> PlaceholderNames { get; set; } = ["User", "You", "Guest", "Anonymous", "Visitor", "Customer", "Shopper", "Me"];

    public string? Validate() =>
        PlaceholderNames.Any(string.IsNullOrWhiteSpace) ? $"{SectionName}:{nameof(PlaceholderNames)} must not contain blank names." : null;
}
