using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ReformBot.Core.Storage;

namespace ReformBot.Tests.Host;

public sealed class RetentionTests
{
    [Fact]
    public async Task RemovesOnlyOldAnsweredMessagesAndSentRepliesAndKeepsTickets()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform, extra: new Dictionary<string, string?> { ["ReformBot:MessageWindowSeconds"] = "0" },
            configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var retention = host.Service<IEnumerable<IHostedService>>().OfType<ReformBot.Host.Webhooks.Retention>().Single();
        var db = host.Service<BotDatabase>();

        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-OLD", "mid.old", "gia vang hom nay"));
        await platform.WaitForAsync(s => s.Count >= 1);
        clock.Advance(TimeSpan.FromDays(31));
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-NEW", "mid.new", "gia han giay phep xay dung"));
        await platform.WaitForAsync(s => s.Count >= 2);

        retention.Prune(); // the hourly timer may have run it already when the clock moved on

        Assert.Equal("PSID-NEW", Assert.Single(db.Inbox.FindAll()).UserId);
        Assert.Equal("PSID-NEW", Assert.Single(db.Outbox.FindAll()).UserId);
        Assert.Single(db.Tickets.FindAll());
    }
}
