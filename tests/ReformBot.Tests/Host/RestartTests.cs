using ReformBot.Core.Conversations;
using ReformBot.Core.Storage;

namespace ReformBot.Tests.Host;

public sealed class RestartTests
{
    [Fact]
    public async Task DeliversRepliesLeftInTheOutboxAfterARestart()
    {
        await using var platform = await FakePlatform.StartAsync();
        var host = await RunningHost.StartAsync(platform);
        platform.FailNext(int.MaxValue, 503);
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-R1", "mid.r1", "thu tuc cap chung chi hanh nghe"));
        var db = host.Service<BotDatabase>();
        await Until(() => db.Outbox.FindAll().Any(o => o.Attempts > 0));
        await host.DisposeAsync();
        Assert.Empty(platform.Sent);

        platform.FailNext(0, 200);
        await using var restarted = await RunningHost.StartAsync(platform, host.DataPath);

        var reply = Assert.Single(await platform.WaitForAsync(s => s.Count >= 1));
        Assert.Equal("PSID-R1", reply.UserId);
        await restarted.WaitUntilIdleAsync();
        Assert.Single(platform.Sent);
    }

    [Fact]
    public async Task AnswersInboxItemsAcceptedBeforeACrash()
    {
        await using var platform = await FakePlatform.StartAsync();
        var dataPath = RunningHost.NewDataPath();
        using (var db = new BotDatabase(dataPath))
        using (var writes = new WriteQueue(db))
        {
            var inbox = new Inbox(db, writes, TimeProvider.System);
            var activity = new Activity("facebook", "PSID-R2", "mid.r2", ActivityKind.Text, "xin phep xay nha", DateTimeOffset.UtcNow);
            Assert.True((await inbox.AcceptAsync(activity)).Stored);
        }

        await using var host = await RunningHost.StartAsync(platform, dataPath);

        var reply = Assert.Single(await platform.WaitForAsync(s => s.Count >= 1));
        Assert.Equal("PSID-R2", reply.UserId);
        Assert.All(host.Service<BotDatabase>().Inbox.FindAll(), i => Assert.NotNull(i.AnsweredAt));
    }

    /// <summary>A redelivery after a restart is recognised from the stored inbox id (kept at least 7 days, see RetentionTests).</summary>
    [Fact]
    public async Task DoesNotAnswerAnEventRedeliveredAfterARestart()
    {
        await using var platform = await FakePlatform.StartAsync();
        var host = await RunningHost.StartAsync(platform);
        var json = FacebookChannelTests.TextEvent("PSID-R3", "mid.r3", "gia han giay phep xay dung");
        await host.PostFacebookAsync(json);
        await platform.WaitForAsync(s => s.Count >= 1);
        await host.DisposeAsync();

        await using var restarted = await RunningHost.StartAsync(platform, host.DataPath);
        var again = await restarted.PostFacebookAsync(json);

        Assert.Equal(System.Net.HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("\"duplicates\":1", await again.Content.ReadAsStringAsync());
        await restarted.WaitUntilIdleAsync();
        Assert.Single(platform.Sent);
    }

    private static async Task Until(Func<bool> condition, int timeoutMs = 10000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("condition not reached");
            await Task.Delay(25);
        }
    }
}
