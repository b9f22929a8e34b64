namespace GiftBot.Messenger;

/// <summary>The direct Facebook Messenger channel. Bound to the "Facebook" configuration section.</summary>
public sealed class FacebookOptions
{
    public const string SectionName = "Facebook";

    /// <summary>Null (default): the channel is on when an AppSecret is configured. True: required settings are enforced at start-up.</summary>
    public bool? Enabled { get; set; }

    public string? AppId { get; set; }
    public string? AppSecret { get; set; }
    public string? PageId { get; set; }
    public string? PageAccessToken { get; set; }
    public string? VerifyToken { get; set; }

    /// <summary>The Page's user name for m.me links (https://m.me/&lt;PageName&gt;?ref=...).</summary>
    public string? PageName { get; set; }

    /// <summary>Sent as persona_id on every message when set (Meta's Personas API).</summary>
    public string? PersonaId { get; set; }

    public string GraphApiBaseUrl { get; set; } = "https://graph.facebook.com";
    public string GraphApiVersion { get; set; } = "v25.0";

    /// <summary>Webhook bodies larger than this are refused with 413. Meta's events are a few kilobytes.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The app that receives the thread on "talk to a person" (pass_thread_control); the Page Inbox by default.</summary>
    public string HandoverTargetAppId { get; set; } = "263902037430900";

    /// <summary>
    /// While people own a thread and nobody answered for this long, the next message makes the bot take the thread back
    /// (take_thread_control) and answer. Keep it equal to Handover:IdleTimeout. Null: only people give the thread back.
    /// </summary>
    public TimeSpan? HandoverIdleTimeout { get; set; } = TimeSpan.FromHours(24);

    public FacebookInboxOptions Inbox { get; set; } = new();
    public FacebookProfileOptions Profile { get; set; } = new();
    public GraphApiRetryOptions Send { get; set; } = new();

    public bool IsEnabled => Enabled ?? !string.IsNullOrWhiteSpace(AppSecret);

    /// <summary>The Graph API root including the version, e.g. https://graph.facebook.com/v25.0/ (always ends with a slash).</summary>
    public Uri GraphApiRoot => new($"{GraphApiBaseUrl.TrimEnd('/')}/{GraphApiVersion.Trim('/')}/");
}

/// <summary>How the background worker drains the durable inbox.</summary>
public sealed class FacebookInboxOptions
{
    /// <summary>Attempts per event before it is parked with its error.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before a failed event is tried again.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many users' events are processed at the same time (one at a time per user).</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>How long a leased event is reserved for this worker; a crashed worker's events are taken over after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the worker looks for due retries when no new webhook arrived.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>Retries of Graph API calls on 5xx, timeouts and rate limits.</summary>
public sealed class GraphApiRetryOptions
{
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff; doubled per retry with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Caching of the Graph User Profile API's answers.</summary>
public sealed class FacebookProfileOptions
{
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long "no profile" (error or empty answer) is remembered before asking again.</summary>
    public TimeSpan MissingCacheDuration { get; set; } = TimeSpan.FromMinutes(10);
}
