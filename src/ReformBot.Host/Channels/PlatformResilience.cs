using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Contrib.WaitAndRetry;
using Polly.Extensions.Http;
using Polly.Timeout;
using ReformBot.Host.Delivery;
using ReformBot.Host.Operations;

namespace ReformBot.Host.Channels;

/// <summary>
/// One retry → circuit breaker → per-attempt timeout pipeline per platform, built once so the breaker's state is shared
/// by every send to that platform. Only transient failures are retried: network errors, timeouts, 5xx, 408 and 429.
/// </summary>
internal sealed class PlatformResilience(IOptions<DeliveryOptions> options, BotMetrics metrics, ILogger<PlatformResilience> log)
{
    private readonly Dictionary<string, IAsyncPolicy<HttpResponseMessage>> policies = [];

    public IAsyncPolicy<HttpResponseMessage> For(string platform)
    {
        lock (policies)
        {
            if (!policies.TryGetValue(platform, out var policy)) policies[platform] = policy = Build(platform, options.Value);
            return policy;
        }
    }

    private IAsyncPolicy<HttpResponseMessage> Build(string platform, DeliveryOptions o)
    {
        var transient = HttpPolicyExtensions.HandleTransientHttpError()
            .OrResult(r => r.StatusCode == HttpStatusCode.TooManyRequests)
            .Or<TimeoutRejectedException>();

        var retry = transient.WaitAndRetryAsync(
            o.RetryCount,
            (attempt, outcome, _) => RetryAfter(outcome.Result) is { } wait && wait <= TimeSpan.FromSeconds(o.MaxRetryAfterSeconds)
                ? wait
                : Backoff.DecorrelatedJitterBackoffV2(TimeSpan.FromSeconds(o.FirstRetryDelaySeconds), o.RetryCount).ElementAt(attempt - 1),
            (outcome, wait, attempt, _) =>
            {
                metrics.Retry(platform);
                log.LogWarning("{Platform}: attempt {Attempt} failed ({Reason}); retrying in {Wait:0.0} s",
                    platform, attempt, outcome.Exception?.GetType().Name ?? ((int)outcome.Result.StatusCode).ToString(), wait.TotalSeconds);
                return Task.CompletedTask;
            });

        // Opened by a share of failures, not a run of them: one user's failing sends among others' deliveries must not
        // stop the platform for everyone.
        var breaker = transient.AdvancedCircuitBreakerAsync(
            BreakShare,
            BreakWindow,
            o.BreakAfterFailures,
            TimeSpan.FromSeconds(o.BreakSeconds),
            (_, wait) =>
            {
                metrics.Circuit(platform, "opened");
                log.LogWarning("{Platform}: circuit opened for {Seconds:0} s: most attempts in the last {Window:0} s failed", platform, wait.TotalSeconds, BreakWindow.TotalSeconds);
            },
            () =>
            {
                metrics.Circuit(platform, "closed");
                log.LogInformation("{Platform}: circuit closed, platform answering again", platform);
            },
            () =>
            {
                metrics.Circuit(platform, "half_open");
                log.LogInformation("{Platform}: circuit half-open, trying one send", platform);
            });

        var timeout = Policy.TimeoutAsync<HttpResponseMessage>(TimeSpan.FromSeconds(o.AttemptTimeoutSeconds));
        return Policy.WrapAsync(retry, breaker, timeout);
    }

    private const double BreakShare = 0.75;
    private static readonly TimeSpan BreakWindow = TimeSpan.FromSeconds(10);

    public static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - DateTimeOffset.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero;
        return null;
    }

    /// <summary>The send ended with the circuit open: the outbox retries when it has had time to close.</summary>
    public static bool IsCircuitOpen(Exception e) => e is BrokenCircuitException;
}

internal static class PlatformResilienceExtensions
{
    public static IHttpClientBuilder AddPlatformResilience(this IHttpClientBuilder builder, string platform) =>
        builder.AddPolicyHandler((sp, _) => sp.GetRequiredService<PlatformResilience>().For(platform));
}
