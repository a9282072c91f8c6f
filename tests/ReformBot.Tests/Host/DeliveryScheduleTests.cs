using ReformBot.Core.Storage;
using ReformBot.Host.Delivery;

namespace ReformBot.Tests.Host;

public sealed class DeliveryScheduleTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc);
    private readonly DeliverySchedule schedule = new();

    private static OutboxItem Row(long id, string user, string channel = "facebook", OutboxPriority priority = OutboxPriority.Reply) =>
        new() { Id = id, UserId = user, Channel = channel, Priority = priority, Text = $"reply {id}" };

    /// <summary>Adds the rows in order; returns the first.</summary>
    private OutboxItem Add(params OutboxItem[] rows)
    {
        foreach (var row in rows) schedule.Add(row, Now);
        return rows[0];
    }

    private List<long> TakeAll(DateTime at)
    {
        var taken = new List<long>();
        while (schedule.Take(at) is { } row) taken.Add(row.Id);
        return taken;
    }

    [Fact]
    public void SendsOneRowPerUserAtATimeInTheOrderWritten()
    {
        var first = Add(Row(1, "a"), Row(2, "a"), Row(3, "b"));

        Assert.Equal([1, 3], TakeAll(Now));
        schedule.Done(first);
        Assert.Equal([2], TakeAll(Now));
        Assert.Equal(2, schedule.InFlight);
    }

    [Fact]
    public void RepliesGoBeforeBulkRowsWrittenEarlier()
    {
        Add(Row(1, "a", priority: OutboxPriority.Bulk), Row(2, "b", priority: OutboxPriority.Bulk), Row(3, "c"));

        Assert.Equal([3, 1, 2], TakeAll(Now));
        Assert.Equal(1, schedule.Held(OutboxPriority.Reply));
        Assert.Equal(2, schedule.Held(OutboxPriority.Bulk));
    }

    [Fact]
    public void AFailedRowParksItsUserOnlyAndKeepsItsPlaceInLine()
    {
        var first = Add(Row(1, "a"), Row(2, "a"), Row(3, "b"));
        Assert.Equal(first, schedule.Take(Now));

        schedule.Retry(first, Now.AddSeconds(5));

        Assert.Equal([3], TakeAll(Now.AddSeconds(4)));
        Assert.Equal(Now.AddSeconds(5), schedule.NextWake);
        Assert.Equal([1], TakeAll(Now.AddSeconds(5)));
    }

    [Fact]
    public void APlatformThatIsDownHoldsBackOnlyItsOwnUsers()
    {
        var messenger = Add(Row(1, "a"), Row(2, "b"), Row(3, "c", "zalo"), Row(4, "d", "webchat"));
        Assert.Equal(messenger, schedule.Take(Now));

        schedule.Retry(messenger, Now.AddSeconds(30));
        schedule.PlatformDown("facebook", Now.AddSeconds(30));

        Assert.Equal([3, 4], TakeAll(Now));
        Assert.Equal([], TakeAll(Now.AddSeconds(29)));
        Assert.Equal([1, 2], TakeAll(Now.AddSeconds(30)));
    }

    [Fact]
    public void ARowResumedAfterARestartKeepsTheWaitItsLastFailureSet()
    {
        var parked = Row(1, "a");
        parked.NextAttemptAt = Now.AddMinutes(2);
        schedule.Add(parked, Now);
        schedule.Add(Row(2, "b"), Now);

        Assert.Equal([2], TakeAll(Now));
        Assert.Equal(Now.AddMinutes(2), schedule.NextWake);
        Assert.Equal([1], TakeAll(Now.AddMinutes(2)));
    }

    [Fact]
    public void AUserWhoseChannelIsOffIsForgottenWithAllTheirRows()
    {
        var first = Add(Row(1, "a", "zalo"), Row(2, "a", "zalo"));
        Assert.Equal(first, schedule.Take(Now));

        schedule.Drop(first);

        Assert.Equal([], TakeAll(Now));
        Assert.Equal(0, schedule.Held(OutboxPriority.Reply));
        Assert.Equal(0, schedule.InFlight);
    }
}
