using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ReformBot.Host.Staff;
using ReformBot.Tests.Host;

namespace ReformBot.Tests.Staff;

public sealed class TicketNotifierTests
{
    [Fact]
    public async Task PostsOnceForANewTicketAndOnceWhenItIsOverdue()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform, extra: new Dictionary<string, string?>
        {
            ["ReformBot:MessageWindowSeconds"] = "0",
            ["ReformBot:Escalation:NotifyUrl"] = platform.BaseUrl + "/notify",
        }, configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var notifier = host.Service<IEnumerable<IHostedService>>().OfType<TicketNotifier>().Single();

        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-N1", "mid.n1", "gia vang hom nay bao nhieu"));
        await platform.WaitForAsync(s => s.Count >= 1);
        await notifier.NotifyAsync(CancellationToken.None);
        await notifier.NotifyAsync(CancellationToken.None);

        var created = Assert.Single(platform.Notices);
        Assert.Equal("new", created.GetProperty("event").GetString());
        Assert.Matches(@"^HC-\d{4}-\d{6}$", created.GetProperty("number").GetString());

        clock.Advance(TimeSpan.FromDays(5));
        await notifier.NotifyAsync(CancellationToken.None);
        await notifier.NotifyAsync(CancellationToken.None);

        Assert.Equal(["new", "overdue"], platform.Notices.Select(n => n.GetProperty("event").GetString()));
    }
}
