using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ReformBot.Tests.Host;

/// <summary>Every log line the host writes, with its scopes (the correlation id) in brackets, for tests that check what is (not) logged.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly LoggerExternalScopeProvider scopes = new();

    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string category) => new Logger(this, category);

    public void Dispose() { }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture.scopes.Push(state);
        public bool IsEnabled(LogLevel level) => true;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format)
        {
            var scope = "";
            capture.scopes.ForEachScope((s, _) => scope += $"[{s}] ", (object?)null);
            capture.Lines.Enqueue($"{level} {category}: {scope}{format(state, e)} {e}");
        }
    }
}
