using Microsoft.Extensions.Options;

namespace GiftBot.Customers;

/// <summary>What the context card keeps and where Messenger's window rules apply. Bound to the "Customers" section.</summary>
public sealed class CustomersOptions
{
    public const string SectionName = "Customers";

    /// <summary>How many recent messages (in and out) the card keeps.</summary>
    public int RecentMessageLimit { get; set; } = 20;

    /// <summary>Longer message texts are cut to this many characters (with "…").</summary>
    public int MessageTextLimit { get; set; } = 500;

    public int NoteTextLimit { get; set; } = 2000;

    /// <summary>Notes per person; further notes are refused rather than silently dropping old ones.</summary>
    public int MaxNotes { get; set; } = 500;

    public int MaxTags { get; set; } = 30;

    /// <summary>Channels where Meta's 24-hour window and message tags apply; other channels (Emulator, Web Chat) have no window.</summary>
    public string[] MessagingWindowChannels { get; set; } = [Microsoft.Bot.Connector.Channels.Facebook];
}

public sealed class CustomersOptionsValidator : IValidateOptions<CustomersOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomersOptions options)
    {
        var failures = new List<string>();
        Range(failures, nameof(CustomersOptions.RecentMessageLimit), options.RecentMessageLimit, 1, 200);
        Range(failures, nameof(CustomersOptions.MessageTextLimit), options.MessageTextLimit, 20, 2000);
        Range(failures, nameof(CustomersOptions.NoteTextLimit), options.NoteTextLimit, 1, 10_000);
        Range(failures, nameof(CustomersOptions.MaxNotes), options.MaxNotes, 1, 10_000);
        Range(failures, nameof(CustomersOptions.MaxTags), options.MaxTags, 1, 200);
        if (options.MessagingWindowChannels is null || options.MessagingWindowChannels.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{CustomersOptions.SectionName}:{nameof(CustomersOptions.MessagingWindowChannels)} must list channel ids such as \"facebook\" (no blanks).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{CustomersOptions.SectionName}:{key} must be between {min} and {max} (was {value}).");
        }
    }
}
