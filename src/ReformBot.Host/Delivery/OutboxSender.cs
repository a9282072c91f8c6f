using System.Threading.Channels;
using Microsoft.Extensions.Options;
using ReformBot.Core.Conversations;
using ReformBot.Core.Escalation;
using ReformBot.Core.Storage;
using ReformBot.Host.Operations;

namespace ReformBot.Host.Delivery;

/// <summary>
/// Delivers the outbox. Replies are spread over lanes by user (<see cref="DeliveryOptions.Lanes"/>), each lane sends in
/// order, so one user's replies arrive in the order written. A reply that cannot be delivered now waits in its lane and
/// is retried with growing pauses; a permanent refusal, or a reply older than the give-up time, is marked failed with
/// the platform's error. Each lane has at most one send in flight, and a send is marked delivered by one LiteDB write
/// right after the platform accepts it: a crash can duplicate at most one reply per lane. A lane holds at most
/// <see cref="DeliveryOptions.HeldPerLane"/> replies; behind those it queues ids and reads the replies back, 200 at a time.
/// </summary>
internal sealed class OutboxSender(
    Outbox outbox, Tickets tickets, IServiceProvider services, IOptions<DeliveryOptions> options, BotMetrics metrics, TimeProvider time, ILogger<OutboxSender> log)
    : BackgroundService
{
    // A lane carries the items as written while it is short: it is the only writer of its items, so there is nothing to
    // read back. Behind a backlog it carries ids only.
    private readonly Channel<Queued>[] lanes = Enumerable.Range(0, options.Value.Lanes).Select(_ => Channel.CreateUnbounded<Queued>()).ToArray();

    private readonly record struct Queued(long Id, OutboxItem? Item);

    private const int ReadBackBatch = 200;

    public void Enqueue(OutboxItem item)
    {
        var lane = lanes[LaneOf(item)];
        lane.Writer.TryWrite(new Queued(item.Id, lane.Reader.Count < options.Value.HeldPerLane ? item : null));
    }

    // string.GetHashCode is randomised per process: fine, lanes only need to be stable while the process lives.
    private int LaneOf(OutboxItem item) => (int)((uint)StringComparer.Ordinal.GetHashCode($"{item.Channel}:{item.UserId}") % (uint)lanes.Length);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var resumed = outbox.Pending();
        if (resumed.Count > 0) log.LogInformation("Resuming {Count} undelivered replies", resumed.Count);
        foreach (var item in resumed) Enqueue(item);
        return Task.WhenAll(lanes.Select(lane => RunLaneAsync(lane.Reader, stoppingToken)));
    }

    private async Task RunLaneAsync(ChannelReader<Queued> lane, CancellationToken ct)
    {
        try
        {
            while (await lane.WaitToReadAsync(ct))
            {
                while (lane.TryRead(out var queued))
                {
                    foreach (var item in queued.Item is { } held ? [held] : ReadBack(queued, lane))
                        if (item.State == OutboxState.Pending) await DeliverAsync(item, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Undelivered replies stay pending in the outbox and are resumed on the next start.
        }
    }

    /// <summary>
    /// This id and the ids queued right behind it, read as one range of the outbox (a read each made a lane that had fallen
    /// behind fall further behind). The range stops short of ids far apart, such as a reply resumed from days ago.
    /// </summary>
    private List<OutboxItem> ReadBack(Queued first, ChannelReader<Queued> lane)
    {
        var ids = new List<long> { first.Id };
        var maxSpan = 2L * ReadBackBatch * lanes.Length;
        while (ids.Count < ReadBackBatch && lane.TryPeek(out var next) && next.Item is null && Math.Abs(next.Id - first.Id) < maxSpan
               && lane.TryRead(out next))
            ids.Add(next.Id);
        var found = outbox.Between(ids.Min(), ids.Max()).ToDictionary(x => x.Id);
        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    private async Task DeliverAsync(OutboxItem item, CancellationToken ct)
    {
        using var scope = item.TicketNumber is { } ticket ? log.BeginScope("Ticket {Ticket}", ticket) : log.BeginScope("Turn {Turn}", item.Turn);
        var o = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            var adapter = services.GetKeyedService<IChannelAdapter>(item.Channel);
            if (adapter is null)
            {
                log.LogWarning("Reply {Id} is for channel {Channel}, which is off; it stays in the outbox", item.Id, item.Channel);
                return;
            }

            SendResult result;
            try
            {
                // Not cancelled by shutdown: a send the platform may already have taken must finish and be recorded,
                // or the restart sends it again. The per-attempt timeout bounds it; shutdown waits between attempts.
                result = await adapter.SendAsync(item, CancellationToken.None);
            }
            catch (Exception e)
            {
                result = SendResult.Retry($"{item.Channel} send threw {e.GetType().Name}");
                log.LogError(e, "Sending reply {Id} threw", item.Id);
            }

            switch (result.Status)
            {
                case DeliveryStatus.Delivered:
                    outbox.MarkDelivered(item, result.PlatformMessageId);
                    metrics.Delivery(item.Channel, "delivered");
                    log.LogInformation("Reply {Id} delivered on {Channel} to {User}", item.Id, item.Channel, Mask.Id(item.UserId));
                    return;
                case DeliveryStatus.Failed:
                    outbox.MarkFailed(item, result.Error ?? "refused");
                    tickets.DeliveryFailed(item, result.Error ?? "refused");
                    metrics.Delivery(item.Channel, "failed");
                    log.LogWarning("Reply {Id} failed for good on {Channel}: {Error}", item.Id, item.Channel, result.Error);
                    return;
            }

            if (time.GetUtcNow().UtcDateTime - item.CreatedAt > TimeSpan.FromHours(o.GiveUpAfterHours))
            {
                outbox.MarkFailed(item, $"gave up after {o.GiveUpAfterHours} h: {result.Error}");
                tickets.DeliveryFailed(item, $"gave up after {o.GiveUpAfterHours} h: {result.Error}");
                metrics.Delivery(item.Channel, "failed");
                log.LogWarning("Reply {Id} given up on {Channel}: {Error}", item.Id, item.Channel, result.Error);
                return;
            }
            outbox.RecordFailedAttempt(item, result.Error ?? "retry");
            metrics.Delivery(item.Channel, "retry");
            var pause = result.RetryAfter ?? TimeSpan.FromSeconds(Math.Min(o.MaxOutboxDelaySeconds, o.FirstRetryDelaySeconds * Math.Pow(2, attempt)));
            if (pause > TimeSpan.FromSeconds(o.MaxOutboxDelaySeconds)) pause = TimeSpan.FromSeconds(o.MaxOutboxDelaySeconds);
            log.LogWarning("Reply {Id} not delivered ({Error}); next attempt in {Seconds:0.0} s", item.Id, result.Error, pause.TotalSeconds);
            await Task.Delay(pause, time, ct);
        }
    }
}
