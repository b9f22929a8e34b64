namespace GiftBot.Messenger.Graph;

/// <summary>What a Graph API error means for the bot (MP/error-codes).</summary>
public enum GraphApiErrorKind
{
    Other,
    /// <summary>10 / 2018278: outside the 24-hour messaging window; needs a tag or a utility template.</summary>
    OutsideMessagingWindow,
    /// <summary>551, or 200 / 1545041: "This person isn't available right now."</summary>
    PersonUnavailable,
    /// <summary>2018300: another app (e.g. the Page inbox) controls the thread.</summary>
    ThreadControlledByAnotherApp,
    /// <summary>190: the Page access token is invalid or expired.</summary>
    InvalidToken,
    /// <summary>4, 613, 17, 32: request limits; retried before surfacing.</summary>
    RateLimited,
    /// <summary>1, 2: temporary Meta failure; retried before surfacing.</summary>
    Temporary,
    /// <summary>100: invalid parameter (also what the retired message tags return).</summary>
    InvalidParameter,
    /// <summary>10 or 200 (other subcodes): a permission or App Review is missing.</summary>
    PermissionDenied,
    /// <summary>5xx without a Graph error body, or a timeout.</summary>
    ServerError,
}

/// <summary>A Graph API call failed with a documented error; carries Meta's fields for logs and support tickets.</summary>
public class GraphApiException : Exception, GiftBot.Storage.ITransientFailure
{
    public GraphApiException(int httpStatus, int code, int? errorSubcode, string? errorType, string? fbTraceId, string? graphMessage, Exception? inner = null)
        : base($"Graph API error {code}{(errorSubcode is null ? "" : $"/{errorSubcode}")} (HTTP {httpStatus}, fbtrace_id {fbTraceId ?? "none"}): {graphMessage}", inner)
    {
        HttpStatus = httpStatus;
        Code = code;
        ErrorSubcode = errorSubcode;
        ErrorType = errorType;
        FbTraceId = fbTraceId;
        GraphMessage = graphMessage;
        Kind = Classify(code, errorSubcode, httpStatus);
    }

    public int HttpStatus { get; }
    public int Code { get; }
    public int? ErrorSubcode { get; }
    public string? ErrorType { get; }
    public string? FbTraceId { get; }
    public string? GraphMessage { get; }
    public GraphApiErrorKind Kind { get; }

    /// <summary>True when trying again later may succeed (the client already retried a bounded number of times).</summary>
    public bool IsTransient => Kind is GraphApiErrorKind.RateLimited or GraphApiErrorKind.Temporary or GraphApiErrorKind.ServerError;

    internal static readonly int[] RetryableCodes = [1, 2, 4, 17, 32, 613];

    public static GraphApiErrorKind Classify(int code, int? subcode, int httpStatus) => (code, subcode) switch
    {
        (10, 2018278) => GraphApiErrorKind.OutsideMessagingWindow,
        (551, _) or (200, 1545041) => GraphApiErrorKind.PersonUnavailable,
        (2018300, _) => GraphApiErrorKind.ThreadControlledByAnotherApp,
        (190, _) => GraphApiErrorKind.InvalidToken,
        (4 or 17 or 32 or 613, _) => GraphApiErrorKind.RateLimited,
        (1 or 2, _) => GraphApiErrorKind.Temporary,
        (100, _) => GraphApiErrorKind.InvalidParameter,
        (10 or 200, _) => GraphApiErrorKind.PermissionDenied,
        _ when httpStatus >= 500 => GraphApiErrorKind.ServerError,
        _ => GraphApiErrorKind.Other,
    };
}
