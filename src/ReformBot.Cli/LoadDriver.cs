using System.Diagnostics;
using System.Net.Http.Headers;
using System.Collections.Concurrent;
using ReformBot.Host.Channels.Facebook;

namespace ReformBot.Cli;

public sealed record LoadRun(long Acknowledged, long Errors, double Seconds, double P50Ms, double P99Ms, double MaxMs)
{
    public double PerSecond => Acknowledged / Seconds;

    public override string ToString() =>
        $"{PerSecond:0} acknowledged/s ({Acknowledged} in {Seconds:0.0} s, {Errors} errors), ack p50 {P50Ms:0.00} ms, p99 {P99Ms:0.00} ms, max {MaxMs:0.0} ms";
}

public sealed record ReplyReport(long Expected, long Delivered, long Missing, double P50Ms, double P99Ms)
{
    public override string ToString() =>
        $"{Delivered} of {Expected} events sent answered ({Missing} missing; events refused with an error are never answered); webhook sent → reply at the fake Send API p50 {P50Ms:0} ms, p99 {P99Ms:0} ms";
}

/// <summary>Requests in flight for a fixed time, as fast as answered or paced to a rate, timing each acknowledgement.</summary>
internal static class LoadDriver
{
    public static async Task<LoadRun> RunAsync(HttpClient http, string url, Func<long, (byte[] Body, string? Signature)> request,
        TimeSpan warmUp, TimeSpan duration, int inFlight, double rate, CancellationToken ct)
    {
        await WarmUpAsync(http, url, request, warmUp, inFlight, rate, ct);
        return await MeasureAsync(http, url, request, duration, inFlight, rate, ct);
    }

    /// <summary>The same load, not timed: the JIT, the connection pools and the caches settle.</summary>
    public static Task WarmUpAsync(HttpClient http, string url, Func<long, (byte[] Body, string? Signature)> request,
        TimeSpan duration, int inFlight, double rate, CancellationToken ct) =>
        Loop(http, url, request, duration, inFlight, rate, long.MaxValue / 2, ct);

    public static async Task<LoadRun> MeasureAsync(HttpClient http, string url, Func<long, (byte[] Body, string? Signature)> request,
        TimeSpan duration, int inFlight, double rate, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var (latencies, errors) = await Loop(http, url, request, duration, inFlight, rate, 0, ct);
        var seconds = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        double At(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        return new LoadRun(latencies.Count, errors, seconds, At(0.50), At(0.99), latencies.Count == 0 ? 0 : latencies[^1]);
    }

    private static async Task<(List<double> Latencies, long Errors)> Loop(HttpClient http, string url,
        Func<long, (byte[] Body, string? Signature)> request, TimeSpan duration, int inFlight, double rate, long firstId, CancellationToken ct)
    {
        // Paced: each of the requests in flight sends every inFlight/rate seconds, so together they make the rate.
        var interval = rate > 0 ? TimeSpan.FromSeconds(inFlight / rate) : TimeSpan.Zero;
        var until = Stopwatch.StartNew();
        var next = firstId;
        long errors = 0;
        var perWorker = await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            var mine = new List<double>();
            var due = until.Elapsed + TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * interval.TotalMilliseconds);
            while (until.Elapsed < duration && !ct.IsCancellationRequested)
            {
                if (interval > TimeSpan.Zero)
                {
                    if (due > until.Elapsed) await Task.Delay(due - until.Elapsed, ct);
                    due += interval;
                }
                var (body, signature) = request(Interlocked.Increment(ref next));
                using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                if (signature is not null) message.Headers.Add(FacebookSignature.Header, signature);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(message, ct);
                    if (response.IsSuccessStatusCode) mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    else Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
            return mine;
        }));
        return (perWorker.SelectMany(x => x).ToList(), errors);
    }

    /// <summary>Waits until every user the host acknowledged has a reply at the fake, then reports send → reply latency.</summary>
    public static async Task<ReplyReport> WaitForRepliesAsync(ConcurrentDictionary<string, long> sent, ConcurrentDictionary<string, long> replied,
        TimeSpan timeout, CancellationToken ct)
    {
        var until = Stopwatch.StartNew();
        int Missing() => sent.Keys.Count(user => !replied.ContainsKey(user));
        while (until.Elapsed < timeout && Missing() > 0) await Task.Delay(250, ct);
        var latencies = sent.Where(s => replied.ContainsKey(s.Key))
            .Select(s => Stopwatch.GetElapsedTime(s.Value, replied[s.Key]).TotalMilliseconds).Order().ToList();
        double At(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        return new ReplyReport(sent.Count, latencies.Count, Missing(), At(0.5), At(0.99));
    }
}
