namespace GiftBot.Conversations.FollowUps;

/// <summary>
/// One friendly nudge to a shopper who stopped in the middle of the gift finder. Bound to the "FollowUp" configuration
/// section. The text is the content key automations.followUp.message.
/// </summary>
public sealed class FollowUpOptions
{
    public const string SectionName = "FollowUp";

    public bool Enabled { get; set; } = true;

    /// <summary>How long after the shopper's last message the follow-up goes out (Messenger allows it within 24 hours).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromHours(3);

    /// <summary>How often the worker looks for due follow-ups.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a job is reserved while it is sent; a crashed worker's job is retried after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 20;

    /// <summary>Sends that failed (channel down) are tried again after <see cref="RetryDelay"/>, this many times in all.</summary>
    public int MaxAttempts { get; set; } = 3;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    public string? Validate()
    {
        if (Delay <= TimeSpan.Zero || Delay > TimeSpan.FromDays(7)) return $"{SectionName}:{nameof(Delay)} must be between 0 and 7 days (e.g. \"03:00:00\").";
        if (PollInterval < TimeSpan.FromSeconds(1) || PollInterval > TimeSpan.FromHours(1)) return $"{SectionName}:{nameof(PollInterval)} must be between 1 second and 1 hour.";
        if (LeaseDuration < TimeSpan.FromSeconds(10)) return $"{SectionName}:{nameof(LeaseDuration)} must be at least 10 seconds.";
        if (BatchSize is < 1 or > 500) return $"{SectionName}:{nameof(BatchSize)} must be between 1 and 500.";
        if (MaxAttempts is < 1 or > 20) return $"{SectionName}:{nameof(MaxAttempts)} must be between 1 and 20.";
        if (RetryDelay <= TimeSpan.Zero) return $"{SectionName}:{nameof(RetryDelay)} must be positive.";
        return null;
    }
}
