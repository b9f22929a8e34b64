namespace GiftBot.Bot;

/// <summary>
/// CloudAdapter writes several Information lines for every activity it receives and sends; the turn pipeline already
/// writes one line per turn, so these become Debug. Warnings and errors pass unchanged.
/// </summary>
internal sealed class InformationAsDebugLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(Demote(logLevel));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        inner.Log(Demote(logLevel), eventId, state, exception, formatter);

    private static LogLevel Demote(LogLevel logLevel) => logLevel == LogLevel.Information ? LogLevel.Debug : logLevel;
}
