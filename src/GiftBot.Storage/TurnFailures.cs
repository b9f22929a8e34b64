using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;

namespace GiftBot.Storage;

/// <summary>An exception that knows whether it may pass on its own (e.g. a remote API rate-limiting or briefly down).</summary>
public interface ITransientFailure
{
    bool IsTransient { get; }
}

/// <summary>Which failures are worth running the same work again for: outages, not bugs or bad input.</summary>
public static class TransientFailures
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsTransient(Exception exception) => exception switch
    {
        TurnFailedException => false,
        ITransientFailure failure => failure.IsTransient,
        HttpRequestException or TimeoutException => true,
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsTransient),
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };
}

/// <summary>
/// A turn failed in our own code and the shopper has been told: running it again would fail the same way and repeat what
/// was already sent, so the inbox parks the event with this error at once instead of retrying it.
/// </summary>
public sealed class TurnFailedException(Exception innerException)
    : Exception($"The turn failed: {innerException.GetType().Name}: {innerException.Message}", innerException);

/// <summary>Marks a turn run from the durable inbox, which retries the turn itself when it fails for a passing reason.</summary>
public static class InboxTurns
{
    private const string Key = "GiftBot.Storage.InboxTurn";

    public static void Mark(ITurnContext turnContext) => turnContext.TurnState[Key] = true;

    public static bool IsInboxTurn(ITurnContext turnContext) => turnContext.TurnState.ContainsKey(Key);
}
