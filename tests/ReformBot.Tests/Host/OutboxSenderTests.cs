using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using ReformBot.Core.Escalation;
using ReformBot.Core.Storage;
using ReformBot.Host.Delivery;
using ReformBot.Host.Operations;

namespace ReformBot.Tests.Host;

/// <summary>The sender on a real outbox file, with a channel adapter that answers on cue and a clock the test moves.</summary>
public sealed class OutboxSenderTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));
    private readonly BotDatabase db = new(RunningHost.NewDataPath());
    private readonly WriteQueue writes;
    private readonly Outbox outbox;
    private readonly Mock<IChannelAdapter> zalo = new();
    private readonly ConcurrentQueue<long> sent = new();
    private int inFlight, mostInFlight;

    public OutboxSenderTests()
    {
        writes = new WriteQueue(db);
        outbox = new Outbox(db, clock);
        zalo.Setup(a => a.SendAsync(It.IsAny<OutboxItem>(), It.IsAny<CancellationToken>())).Returns(async (OutboxItem row, CancellationToken _) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            lock (sent) mostInFlight = Math.Max(mostInFlight, now);
            await Task.Delay(5);
            sent.Enqueue(row.Id);
            Interlocked.Decrement(ref inFlight);
            return SendResult.Delivered($"z{row.Id}");
        });
    }

    public void Dispose()
    {
        writes.Dispose();
        db.Dispose();
    }

    private OutboxItem Pending(string user, DateTime? nextAttemptAt = null)
    {
        var row = new OutboxItem { Channel = "zalo", UserId = user, Text = "trả lời", CreatedAt = clock.GetUtcNow().UtcDateTime, NextAttemptAt = nextAttemptAt };
        outbox.Add(row);
        return row;
    }

    private OutboxSender Sender(int sendsInFlight, int heldInMemory)
    {
        var services = new ServiceCollection().AddMetrics().AddKeyedSingleton("zalo", zalo.Object).BuildServiceProvider();
        var options = Options.Create(new DeliveryOptions { SendsInFlight = sendsInFlight, HeldInMemory = heldInMemory });
        return new OutboxSender(outbox, new Tickets(new TicketStore(db), outbox, new EscalationOptions(), clock), writes, services, options,
            new BotMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), clock, NullLogger<OutboxSender>.Instance);
    }

    private static async Task WaitAsync(Func<bool> done)
    {
        for (var i = 0; i < 500 && !done(); i++) await Task.Delay(10);
        Assert.True(done());
    }

    [Fact]
    public async Task ResumesABacklogLargerThanItHoldsWithTheSendsInFlightItIsAllowed()
    {
        var rows = Enumerable.Range(0, 60).Select(i => Pending($"user-{i % 20}")).ToList();
        using var sender = Sender(sendsInFlight: 4, heldInMemory: 7);

        await sender.StartAsync(CancellationToken.None);
        await WaitAsync(() => sent.Count == rows.Count);
        await sender.StopAsync(CancellationToken.None);

        Assert.InRange(mostInFlight, 2, 4);
        Assert.All(db.Outbox.FindAll(), o => Assert.Equal(OutboxState.Delivered, o.State));
        foreach (var user in rows.GroupBy(r => r.UserId))
            Assert.Equal(user.Select(r => r.Id), sent.Where(id => user.Any(r => r.Id == id)));
    }

    [Fact]
    public async Task ARowParkedBeforeARestartWaitsForItsNextAttemptAndHoldsItsUsersLaterRows()
    {
        var parked = Pending("a", nextAttemptAt: clock.GetUtcNow().UtcDateTime.AddMinutes(1));
        var behind = Pending("a");
        var other = Pending("b");
        using var sender = Sender(sendsInFlight: 8, heldInMemory: 100);

        await sender.StartAsync(CancellationToken.None);
        await WaitAsync(() => sent.Contains(other.Id));
        clock.Advance(TimeSpan.FromMinutes(1));
        await WaitAsync(() => sent.Count == 3);
        await sender.StopAsync(CancellationToken.None);

        // Delivery times are the test's clock: a row sent before its next attempt would show the earlier time.
        Assert.Equal([other.Id, parked.Id, behind.Id], sent);
        Assert.True(db.Outbox.FindById(parked.Id).DeliveredAt >= parked.NextAttemptAt);
        Assert.True(db.Outbox.FindById(behind.Id).DeliveredAt >= parked.NextAttemptAt);
    }

    [Fact]
    public async Task AFailedAttemptIsStoredOnTheRowAndTriedAgainWhenDue()
    {
        var calls = 0;
        zalo.Setup(a => a.SendAsync(It.IsAny<OutboxItem>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => Interlocked.Increment(ref calls) == 1 ? SendResult.Retry("zalo HTTP 500") : SendResult.Delivered("z1"));
        var row = Pending("a");
        using var sender = Sender(sendsInFlight: 8, heldInMemory: 100);

        await sender.StartAsync(CancellationToken.None);
        await WaitAsync(() => db.Outbox.FindById(row.Id).Attempts == 1);
        var stored = db.Outbox.FindById(row.Id);
        Assert.Equal(OutboxState.Pending, stored.State);
        Assert.Equal("zalo HTTP 500", stored.Error);
        Assert.True(stored.NextAttemptAt > clock.GetUtcNow().UtcDateTime);

        clock.Advance(TimeSpan.FromMinutes(5));
        await WaitAsync(() => db.Outbox.FindById(row.Id).State == OutboxState.Delivered);
        await sender.StopAsync(CancellationToken.None);
        Assert.Equal(2, calls);
    }
}
