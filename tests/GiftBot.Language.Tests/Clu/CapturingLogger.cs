using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GiftBot.Language.Tests.Clu;

/// <summary>Keeps every log line (level and formatted message with its values) so tests can check what is, and is not, logged.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception) + " " + exception?.Message));
}
