using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ReformBot.Core.Escalation;
using ReformBot.Core.Storage;
using ReformBot.Host.Operations;

namespace ReformBot.Tests.Host;

public sealed class RetentionTests
{
    [Fact]
    public async Task RemovesOnlyOldAnsweredMessagesAndSentRepliesAndKeepsTickets()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform,
            extra: new Dictionary<string, string?> { ["ReformBot:MessageWindowSeconds"] = "0", ["ReformBot:RetentionDays"] = "30" },
            configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var retention = host.Service<IEnumerable<IHostedService>>().OfType<ReformBot.Host.Operations.Retention>().Single();
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

    /// <summary>Issue 5: inbox ids are kept at least 7 days, across restarts, so a late redelivery is not answered twice.</summary>
    [Fact]
    public async Task RecognisesARedeliverySixDaysLaterAfterPruningAndARestart()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = new Dictionary<string, string?> { ["ReformBot:MessageWindowSeconds"] = "0", ["ReformBot:RetentionDays"] = "7" };
        await using var platform = await FakePlatform.StartAsync();
        var json = FacebookChannelTests.TextEvent("PSID-LATE", "mid.late", "gia han giay phep xay dung");
        var host = await RunningHost.StartAsync(platform, extra: settings, configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        await host.PostFacebookAsync(json);
        await platform.WaitForAsync(s => s.Count >= 1);
        await host.DisposeAsync();

        clock.Advance(TimeSpan.FromDays(6.9));
        await using var restarted = await RunningHost.StartAsync(platform, host.DataPath, settings, b => b.Services.AddSingleton<TimeProvider>(clock));
        restarted.Service<IEnumerable<IHostedService>>().OfType<ReformBot.Host.Operations.Retention>().Single().Prune();
        var again = await restarted.PostFacebookAsync(json);

        Assert.Contains("\"duplicates\":1", await again.Content.ReadAsStringAsync());
        Assert.Single(restarted.Service<BotDatabase>().Inbox.FindAll());
        await restarted.WaitUntilIdleAsync();
        Assert.Single(platform.Sent);
    }

    [Fact]
    public async Task ClearsTheTextOfOldClosedTicketsAndKeepsTheirStatistics()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform, extra: new Dictionary<string, string?> { ["ReformBot:MessageWindowSeconds"] = "0", ["ReformBot:RetentionDays"] = "30" },
            configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var retention = host.Service<IEnumerable<IHostedService>>().OfType<ReformBot.Host.Operations.Retention>().Single();
        var tickets = host.Service<Tickets>();

        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-CLOSED", "mid.t1", "gia vang hom nay"));
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-OPEN", "mid.t2", "ket qua xo so hom qua"));
        await platform.WaitForAsync(s => s.Count >= 2);
        var closed = tickets.ActiveFor("facebook", "PSID-CLOSED")!;
        tickets.Close(closed.Number, "lan");
        clock.Advance(TimeSpan.FromDays(31));

        retention.Prune();

        var cleared = tickets.Find(closed.Number)!;
        Assert.True(string.IsNullOrEmpty(cleared.UserId));
        Assert.NotNull(cleared.TextRemovedAt);
        Assert.Equal(Tickets.RemovedText, cleared.Question);
        Assert.Equal(closed.Messages.Count, cleared.Messages.Count);
        Assert.All(cleared.Messages, m => Assert.Equal(Tickets.RemovedText, m.Text));
        Assert.Equal((closed.Channel, closed.CreatedAt, TicketStatus.Closed), (cleared.Channel, cleared.CreatedAt, cleared.Status));
        Assert.Single(cleared.Actions, a => a.Kind == TicketEvent.TextRemoved);
        retention.Prune();
        Assert.Single(tickets.Find(closed.Number)!.Actions, a => a.Kind == TicketEvent.TextRemoved); // cleared once
        var open = tickets.ActiveFor("facebook", "PSID-OPEN")!; // still being handled: kept whole
        Assert.Contains("xo so", open.Question);
    }

    [Fact]
    public async Task ForgetsFollowersSilentLongerThanTheRetentionWithWhatTheyFollow()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform,
            extra: new Dictionary<string, string?> { ["ReformBot:RetentionDays"] = "30" }, configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var retention = host.Service<IEnumerable<IHostedService>>().OfType<ReformBot.Host.Operations.Retention>().Single();
        var (contacts, subscriptions) = (host.Service<ContactStore>(), host.Service<SubscriptionStore>());
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (user, lastWrote) in new[] { ("PSID-silent", now.AddDays(-31)), ("PSID-recent", now.AddDays(-2)) })
        {
            contacts.Save(contacts.Get("facebook", user, lastWrote));
            subscriptions.Add(new Subscription { Channel = "facebook", UserId = user, ProcedureId = "xd-gpxd-moi-nha-o-rieng-le", At = lastWrote });
        }

        retention.Prune();

        Assert.Null(contacts.Find("facebook", "PSID-silent"));
        Assert.Empty(subscriptions.Of("facebook", "PSID-silent"));
        Assert.NotNull(contacts.Find("facebook", "PSID-recent"));
        Assert.Single(subscriptions.Of("facebook", "PSID-recent"));
    }
}
