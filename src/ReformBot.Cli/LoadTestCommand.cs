using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReformBot.Core.Storage;
using ReformBot.Host;
using ReformBot.Host.Channels.Facebook;

namespace ReformBot.Cli;

/// <summary>
/// <c>reformbot loadtest</c>: signed Messenger webhooks over loopback against the real host (in this process, with a
/// fresh data folder and a local fake Send API), next to a bare minimal-API endpoint measured the same way in the same run.
/// </summary>
internal static class LoadTestCommand
{
    private const string Secret = "loadtest-app-secret";

    public static Command Create()
    {
        var seconds = new Option<int>("--seconds") { Description = "Seconds of load per target", DefaultValueFactory = _ => 10 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight", DefaultValueFactory = _ => 32 };
        var rate = new Option<double>("--rate") { Description = "Requests per second to send (0: as fast as they are answered)", DefaultValueFactory = _ => 0 };
        var knowledge = CliOptions.Knowledge();
        var command = new Command("loadtest", "Webhook acknowledgement throughput and latency, host vs a bare endpoint") { seconds, concurrency, rate, knowledge };
        command.SetAction(async (parse, ct) =>
        {
            var duration = TimeSpan.FromSeconds(parse.GetValue(seconds));
            var inFlight = parse.GetValue(concurrency);
            await using var bare = await StartBareAsync();
            var bareUrl = bare.Urls.First();
            var dataPath = Path.Combine(Path.GetTempPath(), "reformbot-loadtest-" + Guid.NewGuid().ToString("N"));
            var host = BotApp.Build(["--urls", "http://127.0.0.1:0"], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ReformBot:KnowledgePath"] = Path.GetFullPath(parse.GetValue(knowledge)!),
                ["ReformBot:DataPath"] = dataPath,
                ["ReformBot:Facebook:AppSecret"] = Secret,
                ["ReformBot:Facebook:VerifyToken"] = "loadtest",
                ["ReformBot:Facebook:PageAccessToken"] = "loadtest",
                ["ReformBot:Facebook:GraphApiBaseUrl"] = bareUrl + "/v25.0",
                ["Logging:LogLevel:Default"] = "Warning",
            }));
            await host.StartAsync(ct);
            var hostUrl = host.Urls.First();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = inFlight });

            var pace = parse.GetValue(rate);
            var bareRun = await LoadDriver.RunAsync(http, bareUrl + "/bare", i => (Event(i), null), duration, inFlight, pace, ct);
            var db = host.Services.GetRequiredService<BotDatabase>();
            var sizeBefore = new FileInfo(db.Path).Length;
            var samples = new List<double>();
            using var sampling = new CancellationTokenSource();
            var sampler = SampleWorkingSetAsync(samples, sampling.Token);
            var hostRun = await LoadDriver.RunAsync(http, hostUrl + "/webhooks/facebook", i =>
            {
                var body = Event(i);
                return (body, FacebookSignature.Sign(body, Secret));
            }, duration, inFlight, pace, ct);
            var replies = await LoadDriver.WaitForRepliesAsync(db, hostRun.Acknowledged, TimeSpan.FromSeconds(120), ct);
            await sampling.CancelAsync();
            await sampler;

            Console.WriteLine($"bare endpoint : {bareRun}");
            Console.WriteLine($"host webhook  : {hostRun}");
            Console.WriteLine($"ratio         : {hostRun.PerSecond / bareRun.PerSecond:0.00} of the bare endpoint's throughput, p99 {hostRun.P99Ms / bareRun.P99Ms:0.0}×");
            Console.WriteLine($"replies       : {replies}");
            Console.WriteLine($"LiteDB file   : {sizeBefore / 1024.0 / 1024:0.0} MB → {new FileInfo(db.Path).Length / 1024.0 / 1024:0.0} MB");
            Console.WriteLine($"working set   : {WorkingSet(samples)} (this process: host and load generator; one sample a second, the first two are the warm-up)");
            await host.StopAsync(ct);
            await host.DisposeAsync();
            Directory.Delete(dataPath, recursive: true);
            return hostRun.Errors == 0 && replies.Missing == 0 ? 0 : 1;
        });
        return command;
    }

    private static async Task SampleWorkingSetAsync(List<double> samples, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                samples.Add(Process.GetCurrentProcess().WorkingSet64 / 1024.0 / 1024);
                await Task.Delay(1000, ct);
            }
        }
        catch (OperationCanceledException) { }
    }

    private static string WorkingSet(List<double> mb)
    {
        if (mb.Count < 4) return string.Join(" → ", mb.Select(x => $"{x:0} MB"));
        var afterWarmUp = mb.Skip(2).ToList();
        return $"{mb[0]:0} MB at start, {afterWarmUp[0]:0} MB after warm-up, {afterWarmUp.Max():0} MB at most, {afterWarmUp[^1]:0} MB at the end";
    }

    /// <summary>A Messenger text event from one of many users (so the per-user limit and the message window stay out of the way).</summary>
    private static byte[] Event(long i) => Encoding.UTF8.GetBytes(
        $$$"""{"object":"page","entry":[{"id":"PAGE","time":1764200000000,"messaging":[{"sender":{"id":"load{{{i % 50000}}}"},"recipient":{"id":"PAGE"},"timestamp":1764200000000,"message":{"mid":"m.{{{i}}}.{{{Guid.NewGuid():N}}}","text":"thu tuc xin phep xay nha can gi"}}]}]}""");

    /// <summary>The bare endpoint the host is compared with, and a Send API that accepts every reply.</summary>
    private static async Task<WebApplication> StartBareAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/bare", () => Results.Ok());
        app.MapPost("/v25.0/me/messages", () => Results.Ok(new { recipient_id = "x", message_id = "m" }));
        await app.StartAsync();
        return app;
    }
}
