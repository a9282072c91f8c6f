using Microsoft.Extensions.Logging;
using ReformBot.Core.Storage;
using ReformBot.Tests.Host;

namespace ReformBot.Tests.Proof;

[Trait("Speed", "Slow")]
public sealed class OutageTests
{
    private static readonly string[] Questions =
    [
        "gia han giay phep xay dung", "cap lai giay phep xay dung bi mat", "le phi cap giay phep xay dung nha o", "dang ky tai khoan dich vu cong",
    ];

    [Fact]
    public async Task DeliversEveryReplyOnceAndInOrderThroughA500ThenA429Outage()
    {
        var logs = new LogCapture();
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform, extra: new Dictionary<string, string?>
        {
            ["ReformBot:Delivery:BreakAfterFailures"] = "4",
            ["ReformBot:Delivery:BreakSeconds"] = "1",
            ["ReformBot:Delivery:MaxOutboxDelaySeconds"] = "0.5",
            ["ReformBot:Delivery:HeldInMemory"] = "2", // most of the backlog waits in the outbox and is read in turn
            ["Logging:LogLevel:Default"] = "Information",
        }, configure: b => b.Logging.AddProvider(logs));

        platform.FailNext(int.MaxValue, 500);
        var users = new[] { "PSID-O1", "PSID-O2", "PSID-O3" };
        for (var q = 0; q < Questions.Length; q++)
        {
            foreach (var user in users) await host.PostFacebookAsync(FacebookChannelTests.TextEvent(user, $"mid.{user}.{q}", Questions[q]));
            await Task.Delay(400); // longer than the message window: each question is its own turn
            if (q == 1) platform.FailNext(int.MaxValue, 429, TimeSpan.FromSeconds(1));
        }
        await Task.Delay(1500);
        Assert.Empty(platform.Sent);
        platform.FailNext(0, 200);

        await platform.WaitForAsync(s => s.Count >= users.Length * Questions.Length, timeoutMs: 30_000);
        await Task.Delay(1000);

        var outbox = host.Service<BotDatabase>().Outbox.FindAll().ToList();
        Assert.Equal(users.Length * Questions.Length, platform.Sent.Count);
        Assert.All(outbox, o => Assert.Equal(OutboxState.Delivered, o.State));
        foreach (var user in users)
        {
            var written = outbox.Where(o => o.UserId == user).OrderBy(o => o.Id).Select(o => o.Text).ToList();
            var received = platform.Sent.Where(m => m.UserId == user).Select(m => m.Text).ToList();
            Assert.Equal(Questions.Length, written.Distinct().Count());
            Assert.Equal(written, received);
        }
        Assert.True(platform.FailedRequests >= 4, $"only {platform.FailedRequests} failed requests"); // the breaker spares the platform the rest
        Assert.Contains(logs.Lines, l => l.Contains("circuit opened"));
        Assert.Contains(logs.Lines, l => l.Contains("circuit closed"));
        var metrics = await Metrics.ReadAsync(host);
        Assert.True(metrics.Sum("reformbot_platform_circuit_total", "platform=\"facebook\"", "state=\"opened\"") >= 1);
        Assert.True(metrics.Sum("reformbot_platform_circuit_total", "platform=\"facebook\"", "state=\"closed\"") >= 1);
        Assert.True(metrics.Sum("reformbot_outbox_deliveries_total", "outcome=\"retry\"") >= 1);
    }
}
