using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ReformBot.Core.Storage;
using ReformBot.Tests.Host;
using Xunit.Abstractions;

namespace ReformBot.Tests.Proof;

/// <summary>
/// The sender against a platform that is slow, down, or failing for one user: no citizen waits behind another, and
/// every reply is delivered once, in order per user.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class DeliveryTests(ITestOutputHelper output)
{
    private const string Question = "thu tuc xin phep xay nha can gi";
    // 500s for the first half, then 429 with Retry-After; a Zalo and a web chat citizen write every second meanwhile.
    private const int OutageSeconds = 8;

    [Fact]
    public async Task AMessengerOutageHoldsBackNeitherZaloNorTheWebChat()
    {
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform, extra: new Dictionary<string, string?>
        {
            ["ReformBot:Delivery:BreakAfterFailures"] = "4",
            ["ReformBot:Delivery:MaxOutboxDelaySeconds"] = "1",
        });
        var messengerUsers = Enumerable.Range(0, 5).Select(i => $"PSID-down-{i}").ToList();
        platform.FailNext(int.MaxValue, 500, channel: "facebook");
        foreach (var user in messengerUsers) await host.PostFacebookAsync(FacebookChannelTests.TextEvent(user, $"mid.{user}.0", Question));

        var waits = new List<TimeSpan>();
        for (var second = 0; second < OutageSeconds; second++)
        {
            var round = Stopwatch.StartNew();
            if (second == OutageSeconds / 2) platform.FailNext(int.MaxValue, 429, TimeSpan.FromSeconds(2), channel: "facebook");
            if (second == 2)
                foreach (var user in messengerUsers) await host.PostFacebookAsync(FacebookChannelTests.TextEvent(user, $"mid.{user}.1", "gia han giay phep xay dung"));
            waits.Add(await ZaloReplyTimeAsync(host, platform, $"zalo-up-{second}"));
            waits.Add(await WebChatReplyTimeAsync(host, $"webchat-up-{second:D4}"));
            if (round.Elapsed < TimeSpan.FromSeconds(1)) await Task.Delay(TimeSpan.FromSeconds(1) - round.Elapsed);
        }
        output.WriteLine($"while Messenger was down: {waits.Count} replies on Zalo and the web chat, slowest {waits.Max().TotalMilliseconds:0} ms");
        Assert.DoesNotContain(platform.Sent, m => m.Channel == "facebook");
        Assert.All(waits, w => Assert.True(w < TimeSpan.FromSeconds(2), $"a reply took {w.TotalMilliseconds:0} ms"));

        platform.FailNext(0, 200);
        await host.WaitUntilIdleAsync(TimeSpan.FromSeconds(30));
        var outbox = host.Service<BotDatabase>().Outbox.FindAll().ToList();
        foreach (var user in messengerUsers)
        {
            var written = outbox.Where(o => o.UserId == user).OrderBy(o => o.Id).Select(o => o.Text).ToList();
            var received = platform.Sent.Where(m => m.UserId == user).Select(m => m.Text).ToList();
            Assert.Equal(2, written.Count);
            Assert.Equal(written, received);
        }
    }

    [Fact]
    public async Task OneUsersFailingSendsDelayNoOtherUser()
    {
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform, extra: new Dictionary<string, string?>
        {
            ["ReformBot:Delivery:FirstRetryDelaySeconds"] = "0.2",
            ["ReformBot:Delivery:MaxOutboxDelaySeconds"] = "1",
        });
        platform.FailUser("PSID-stuck");
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-stuck", "mid.stuck.0", Question));
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-stuck", "mid.stuck.1", "gia han giay phep xay dung", 1764200001000));

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 24; i++)
        {
            var user = $"PSID-other-{i}";
            var clock = Stopwatch.StartNew();
            await host.PostFacebookAsync(FacebookChannelTests.TextEvent(user, $"mid.{user}", Question));
            await platform.WaitForAsync(s => s.Any(m => m.UserId == user), timeoutMs: 10_000);
            waits.Add(clock.Elapsed);
            await Task.Delay(200);
        }
        var stuck = host.Service<BotDatabase>().Outbox.Find(o => o.UserId == "PSID-stuck").ToList();
        output.WriteLine($"24 other users answered while one user's sends failed {stuck.Sum(o => o.Attempts)} times; slowest {waits.Max().TotalMilliseconds:0} ms");
        Assert.All(waits, w => Assert.True(w < TimeSpan.FromSeconds(1), $"a reply took {w.TotalMilliseconds:0} ms"));
        Assert.All(stuck, o => Assert.Equal(OutboxState.Pending, o.State));
        Assert.True(stuck.Sum(o => o.Attempts) >= 3, "the stuck user's reply was retried");

        platform.Recover("PSID-stuck");
        await host.WaitUntilIdleAsync(TimeSpan.FromSeconds(30));
        var written = host.Service<BotDatabase>().Outbox.Find(o => o.UserId == "PSID-stuck").OrderBy(o => o.Id).Select(o => o.Text).ToList();
        Assert.Equal(written, platform.Sent.Where(m => m.UserId == "PSID-stuck").Select(m => m.Text).ToList());
    }

    [Fact]
    public async Task RepliesGoOutSideBySideWhenThePlatformIsSlow()
    {
        const int Users = 200;
        await using var platform = await FakePlatform.StartAsync();
        platform.Latency = TimeSpan.FromMilliseconds(200);
        await using var host = await RunningHost.StartAsync(platform);

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Users).Select(i =>
            host.PostFacebookAsync(FacebookChannelTests.TextEvent($"PSID-slow-{i}", $"mid.slow.{i}", Question))));
        await platform.WaitForAsync(s => s.Count >= Users, timeoutMs: 60_000);
        output.WriteLine($"{Users} replies through a platform answering in 200 ms: {clock.Elapsed.TotalSeconds:0.0} s");

        // One at a time they would take 40 s.
        Assert.Equal(Users, platform.Sent.Select(m => m.UserId).Distinct().Count());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task<TimeSpan> ZaloReplyTimeAsync(RunningHost host, FakePlatform platform, string user)
    {
        var (json, timestamp) = ZaloChannelTests.TextEvent(user, $"zmsg-{user}", Question);
        var clock = Stopwatch.StartNew();
        (await host.PostZaloAsync(json, timestamp)).EnsureSuccessStatusCode();
        await platform.WaitForAsync(s => s.Any(m => m.UserId == user), timeoutMs: 10_000);
        return clock.Elapsed;
    }

    private static async Task<TimeSpan> WebChatReplyTimeAsync(RunningHost host, string session)
    {
        var clock = Stopwatch.StartNew();
        (await host.PostWebChatAsync(session, Question)).EnsureSuccessStatusCode();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            var replies = await host.Http.GetFromJsonAsync<List<JsonElement>>($"/webchat/messages?session={session}&after=0");
            if (replies is { Count: > 0 }) return clock.Elapsed;
            await Task.Delay(25);
        }
        return clock.Elapsed;
    }
}
