using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ReformBot.Core.Storage;
using ReformBot.Host.Channels.Facebook;

namespace ReformBot.Cli;

/// <summary>
/// <c>reformbot loadtest</c>: the real host started as its own process on loopback (fresh data folder, its Send API
/// pointed at a local fake), driven with signed Messenger webhooks, next to a bare minimal-API endpoint measured the same
/// way in the same run. Replies are timed where they arrive: at the fake Send API.
/// </summary>
internal static class LoadTestCommand
{
    private const string Secret = "loadtest-app-secret";

    public static Command Create()
    {
        var seconds = new Option<int>("--seconds") { Description = "Seconds of load per target", DefaultValueFactory = _ => 10 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight", DefaultValueFactory = _ => 32 };
        var rate = new Option<double>("--rate") { Description = "Requests per second to send (0: as fast as they are answered)", DefaultValueFactory = _ => 0 };
        var warmup = new Option<int>("--warmup")
        {
            Description = "Seconds of the same load before measuring the host; its replies are awaited first", DefaultValueFactory = _ => 10,
        };
        var latency = new Option<int>("--platform-latency-ms")
        {
            Description = "How long the fake Send API takes to answer each send (Graph and Zalo OpenAPI take about 200 ms from Vietnam)",
            DefaultValueFactory = _ => 0,
        };
        var knowledge = CliOptions.Knowledge();
        var command = new Command("loadtest", "Webhook acknowledgement throughput and latency, host vs a bare endpoint") { seconds, concurrency, rate, warmup, latency, knowledge };
        command.SetAction(async (parse, ct) =>
        {
            var duration = TimeSpan.FromSeconds(parse.GetValue(seconds));
            var inFlight = parse.GetValue(concurrency);
            var pace = parse.GetValue(rate);
            var warmUp = TimeSpan.FromSeconds(parse.GetValue(warmup));
            var sent = new ConcurrentDictionary<string, long>();
            var replied = new ConcurrentDictionary<string, long>();
            var platformLatency = TimeSpan.FromMilliseconds(parse.GetValue(latency));
            await using var fake = await StartFakeAsync(replied, platformLatency);
            var fakeUrl = fake.Urls.First();
            var dataPath = Path.Combine(Path.GetTempPath(), "reformbot-loadtest-" + Guid.NewGuid().ToString("N"));
            using var host = await HostProcess.StartAsync(dataPath, HostProcess.FreePort(), new Dictionary<string, string?>
            {
                ["ReformBot:KnowledgePath"] = Path.GetFullPath(parse.GetValue(knowledge)!),
                ["ReformBot:DataPath"] = dataPath,
                ["ReformBot:Facebook:AppSecret"] = Secret,
                ["ReformBot:Facebook:VerifyToken"] = "loadtest",
                ["ReformBot:Facebook:PageAccessToken"] = "loadtest",
                ["ReformBot:Facebook:GraphApiBaseUrl"] = fakeUrl + "/v25.0",
                ["Logging:LogLevel:Default"] = "Warning",
            }, ct);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = inFlight });

            var bareRun = await LoadDriver.RunAsync(http, fakeUrl + "/bare", i => (Event(i), null), TimeSpan.FromSeconds(2), duration, inFlight, pace, ct);

            (byte[], string?) Signed(long i)
            {
                var body = Event(i);
                sent[$"load{i}"] = Stopwatch.GetTimestamp();
                return (body, FacebookSignature.Sign(body, Secret));
            }
            var webhook = host.BaseUrl + "/webhooks/facebook";
            // Warm up at the same load, then wait until its replies are out, so the run measures the host as it runs for
            // hours rather than a process still compiling its code under load.
            await LoadDriver.WarmUpAsync(http, webhook, Signed, warmUp, inFlight, pace, ct);
            var warmUpReplies = await LoadDriver.WaitForRepliesAsync(sent, replied, TimeSpan.FromSeconds(300), ct);
            sent.Clear();
            replied.Clear();

            var dbBefore = new FileInfo(Path.Combine(dataPath, BotDatabase.FileName)).Length;
            var samples = new List<double>();
            using var sampling = new CancellationTokenSource();
            var sampler = SampleWorkingSetAsync(host.Process, samples, sampling.Token);
            var hostRun = await LoadDriver.MeasureAsync(http, webhook, Signed, duration, inFlight, pace, ct);
            var loadEnded = Stopwatch.GetTimestamp();
            // A turn waits MessageWindowSeconds for the user's next message, so the first replies come that much after the load starts.
            var counted = duration - TimeSpan.FromSeconds(new ReformBot.Host.BotOptions().MessageWindowSeconds);
            var repliedUnderLoad = replied.Values.Count(t => t <= loadEnded && Stopwatch.GetElapsedTime(t, loadEnded) <= counted);
            var replies = await LoadDriver.WaitForRepliesAsync(sent, replied, TimeSpan.FromSeconds(120), ct);
            await sampling.CancelAsync();
            await sampler;
            var dbSize = new FileInfo(Path.Combine(dataPath, BotDatabase.FileName)).Length;

            Console.WriteLine($"platform      : the fake Send API answers each send after {platformLatency.TotalMilliseconds:0} ms");
            Console.WriteLine($"warm-up       : {warmUp.TotalSeconds:0} s of the same load; {warmUpReplies.Delivered} of {warmUpReplies.Expected} answered before the run");
            Console.WriteLine($"bare endpoint : {bareRun}");
            Console.WriteLine($"host webhook  : {hostRun}");
            Console.WriteLine($"ratio         : {hostRun.PerSecond / bareRun.PerSecond:0.00} of the bare endpoint's throughput, p99 {hostRun.P99Ms / bareRun.P99Ms:0.0}×");
            Console.WriteLine($"replies       : {replies}");
            Console.WriteLine($"reply rate    : {repliedUnderLoad / counted.TotalSeconds:0}/s at the fake over the last {counted.TotalSeconds:0} s of the load (replies keep up when this matches the acknowledged rate)");
            Console.WriteLine($"LiteDB file   : {dbBefore / 1024.0 / 1024:0.0} MB → {dbSize / 1024.0 / 1024:0.0} MB over the run ({(dbSize - dbBefore) / (double)Math.Max(1, hostRun.Acknowledged):0} bytes per event)");
            Console.WriteLine($"working set   : {WorkingSet(samples)} (the host process after warm-up; one sample a second)");
            host.Kill();
            Directory.Delete(dataPath, recursive: true);
            return hostRun.Errors == 0 && replies.Missing == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>Citizens' questions in turn, with and without diacritics; one in eight is outside the pack and escalates.</summary>
    private static readonly string[] Questions =
    [
        "thu tuc xin phep xay nha can gi",
        "lệ phí cấp giấy phép xây dựng nhà ở là bao nhiêu",
        "gia han giay phep xay dung nha o",
        "nộp hồ sơ trực tuyến ở đâu",
        "thanh toan le phi online nhu the nao",
        "cấp chứng chỉ hành nghề môi giới bất động sản cần gì",
        "xin chào",
        "làm hộ chiếu ở đâu",
    ];

    /// <summary>A Messenger text event from a user of its own, so each reply at the fake tells which event it answers.</summary>
    private static byte[] Event(long i) => Encoding.UTF8.GetBytes(
        $$$"""{"object":"page","entry":[{"id":"PAGE","time":1764200000000,"messaging":[{"sender":{"id":"load{{{i}}}"},"recipient":{"id":"PAGE"},"timestamp":1764200000000,"message":{"mid":"m.{{{i}}}.{{{Guid.NewGuid():N}}}","text":"{{{Questions[i % Questions.Length]}}}"}}]}]}""");

    /// <summary>
    /// The bare endpoint the host is compared with, and a Send API that answers after <paramref name="latency"/> and notes
    /// when each user's reply arrived.
    /// </summary>
    private static async Task<WebApplication> StartFakeAsync(ConcurrentDictionary<string, long> replied, TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/bare", () => Results.Ok());
        app.MapPost("/v25.0/me/messages", async (HttpRequest request) =>
        {
            if (latency > TimeSpan.Zero) await Task.Delay(latency);
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            if (body.TryGetProperty("message", out _)) replied.TryAdd(body.GetProperty("recipient").GetProperty("id").GetString()!, Stopwatch.GetTimestamp());
            return Results.Ok(new { recipient_id = "x", message_id = "m" });
        });
        await app.StartAsync();
        return app;
    }

    private static async Task SampleWorkingSetAsync(Process host, List<double> samples, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                host.Refresh();
                samples.Add(host.WorkingSet64 / 1024.0 / 1024);
                await Task.Delay(1000, ct);
            }
        }
        catch (OperationCanceledException) { }
    }

    private static string WorkingSet(List<double> mb)
    {
        if (mb.Count < 4) return string.Join(" → ", mb.Select(x => $"{x:0} MB"));
        var afterWarmUp = mb.Skip(2).ToList();
        return $"{mb[0]:0} MB at the start, {afterWarmUp[0]:0} MB after 2 s, {afterWarmUp.Max():0} MB at most, {afterWarmUp[^1]:0} MB at the end";
    }
}
