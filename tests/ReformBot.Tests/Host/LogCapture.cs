using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ReformBot.Tests.Host;

/// <summary>Every log line the host writes, for tests that check what is (not) logged.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string category) => new Logger(this, category);

    public void Dispose() { }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel level) => true;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format) =>
            capture.Lines.Enqueue($"{level} {category}: {format(state, e)} {e}");
    }
}
