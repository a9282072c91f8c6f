using System.Threading.Channels;
using Microsoft.Extensions.Options;
using ReformBot.Core.Conversations;
using ReformBot.Core.Escalation;
using ReformBot.Core.Storage;
using ReformBot.Host.Operations;

namespace ReformBot.Host.Delivery;

/// <summary>
/// Delivers the outbox. It reads the rows in id order with one cursor per priority, keeps at most
/// <see cref="DeliveryOptions.HeldInMemory"/> of each priority in a <see cref="DeliverySchedule"/> (the rest wait in the
/// outbox, so a backlog grows the file, not the process) and keeps up to <see cref="DeliveryOptions.SendsInFlight"/> sends
/// going, one per user. A send frees its place only once its outcome is committed: a crash can duplicate at most the
/// sends in flight. A failed attempt parks the row until its next attempt, stored on the row; a permanent refusal, or a
/// row older than the give-up time, is marked failed with the platform's error.
/// </summary>
internal sealed class OutboxSender(
    Outbox outbox, Tickets tickets, WriteQueue writes, IServiceProvider services, IOptions<DeliveryOptions> options, BotMetrics metrics,
    TimeProvider time, ILogger<OutboxSender> log)
    : BackgroundService
{
    private const int ReadBatch = 500;
    private readonly DeliverySchedule schedule = new();
    // Finished sends, and a null each time rows were added: the loop's one inbox, so it needs no lock.
    private readonly Channel<Sent?> signals = Channel.CreateUnbounded<Sent?>(new UnboundedChannelOptions { SingleReader = true });
    private readonly long[] cursors = new long[Enum.GetValues<OutboxPriority>().Length];
    private readonly bool[] stopped = new bool[Enum.GetValues<OutboxPriority>().Length];

    private enum Outcome { Done, Retry, PlatformDown, ChannelOff }

    private sealed record Sent(OutboxItem Row, Outcome Outcome, DateTime NextAttemptAt);

    private DeliveryOptions O => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        outbox.Added += OnAdded;
        Array.Fill(cursors, await Task.Run(outbox.StartingPoint, stoppingToken));
        var added = true;
        try
        {
            while (true)
            {
                var now = time.GetUtcNow().UtcDateTime;
                ReadRows(added, now);
                added = false;
                while (schedule.InFlight < O.SendsInFlight && schedule.Take(now) is { } row) _ = SendAsync(row);
                await WaitAsync(now, stoppingToken);
                while (signals.Reader.TryRead(out var signal))
                {
                    if (signal is null) added = true;
                    else Finish(signal);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Undelivered rows stay pending in the outbox and are resumed on the next start. Sends already made are let
            // finish and be recorded (each is bounded by the attempt timeout), or the restart would send them again.
            outbox.Added -= OnAdded;
            while (schedule.InFlight > 0 && await signals.Reader.WaitToReadAsync(CancellationToken.None))
                while (signals.Reader.TryRead(out var signal))
                    if (signal is not null) Finish(signal);
        }
    }

    private void OnAdded() => signals.Writer.TryWrite(null);

    /// <summary>
    /// Reads rows past each cursor while its priority has room. Each cursor stops short of a row it cannot hold, so
    /// a user's rows are read, and sent, in order.
    /// </summary>
    private void ReadRows(bool added, DateTime now)
    {
        foreach (var priority in Enum.GetValues<OutboxPriority>())
        {
            var p = (int)priority;
            if (!added && !(stopped[p] && schedule.Held(priority) < O.HeldInMemory)) continue;
            stopped[p] = false;
            List<OutboxItem> rows;
            do
            {
                rows = outbox.After(cursors[p], ReadBatch);
                foreach (var row in rows)
                {
                    if (row.Priority == priority && row.State == OutboxState.Pending)
                    {
                        if (schedule.Held(priority) >= O.HeldInMemory)
                        {
                            stopped[p] = true;
                            break;
                        }
                        schedule.Add(row, now);
                    }
                    cursors[p] = row.Id;
                }
            } while (!stopped[p] && rows.Count == ReadBatch);
        }
    }

    private async Task WaitAsync(DateTime now, CancellationToken ct)
    {
        if (signals.Reader.TryPeek(out _)) return;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var signalled = signals.Reader.WaitToReadAsync(wait.Token).AsTask();
        var tasks = new List<Task> { signalled };
        // With every place taken, a parked row's time coming changes nothing: the next finished send wakes the loop.
        if (schedule.InFlight < O.SendsInFlight && schedule.NextWake is { } next)
            tasks.Add(Task.Delay(next > now ? next - now : TimeSpan.Zero, time, wait.Token));
        await Task.WhenAny(tasks);
        await wait.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }

    private void Finish(Sent sent)
    {
        switch (sent.Outcome)
        {
            case Outcome.Done:
                schedule.Done(sent.Row);
                break;
            case Outcome.Retry:
                schedule.Retry(sent.Row, sent.NextAttemptAt);
                break;
            case Outcome.PlatformDown:
                schedule.Retry(sent.Row, sent.NextAttemptAt);
                schedule.PlatformDown(sent.Row.Channel, sent.NextAttemptAt);
                break;
            case Outcome.ChannelOff:
                schedule.Drop(sent.Row);
                break;
        }
    }

    /// <summary>One attempt and its record. Never throws: whatever happens, the loop hears how the row ended.</summary>
    private async Task SendAsync(OutboxItem row)
    {
        await Task.Yield();
        Sent sent;
        try
        {
            sent = await AttemptAsync(row);
        }
        catch (Exception e)
        {
            // The outcome could not be recorded (the database refused the write): the row is still pending; try again later.
            log.LogError(e, "Recording reply {Id} failed", row.Id);
            sent = new Sent(row, Outcome.Retry, time.GetUtcNow().UtcDateTime.AddSeconds(O.MaxOutboxDelaySeconds));
        }
        signals.Writer.TryWrite(sent);
    }

    private async Task<Sent> AttemptAsync(OutboxItem row)
    {
        using var scope = row.TicketNumber is { } ticket ? log.BeginScope("Ticket {Ticket}", ticket) : log.BeginScope("Turn {Turn}", row.Turn);
        var adapter = services.GetKeyedService<IChannelAdapter>(row.Channel);
        if (adapter is null)
        {
            log.LogWarning("Reply {Id} is for channel {Channel}, which is off; it stays in the outbox", row.Id, row.Channel);
            return new Sent(row, Outcome.ChannelOff, default);
        }

        SendResult result;
        try
        {
            // Not cancelled by shutdown: a send the platform may already have taken must finish and be recorded, or the
            // restart sends it again. The per-attempt timeout bounds it.
            result = await adapter.SendAsync(row, CancellationToken.None);
        }
        catch (Exception e)
        {
            result = SendResult.Retry($"{row.Channel} send threw {e.GetType().Name}");
            log.LogError(e, "Sending reply {Id} threw", row.Id);
        }

        var now = time.GetUtcNow().UtcDateTime;
        switch (result.Status)
        {
            case DeliveryStatus.Delivered:
                await RecordAsync(row, () => outbox.MarkDelivered(row, result.PlatformMessageId));
                metrics.Delivery(row.Channel, "delivered");
                log.LogInformation("Reply {Id} delivered on {Channel} to {User}", row.Id, row.Channel, Mask.Id(row.UserId));
                return new Sent(row, Outcome.Done, default);
            case DeliveryStatus.Failed:
                await FailAsync(row, result.Error ?? "refused");
                return new Sent(row, Outcome.Done, default);
        }

        if (now - row.CreatedAt > TimeSpan.FromHours(O.GiveUpAfterHours))
        {
            await FailAsync(row, $"gave up after {O.GiveUpAfterHours} h: {result.Error}");
            return new Sent(row, Outcome.Done, default);
        }
        var platformDown = result.Status == DeliveryStatus.PlatformDown;
        var pause = result.RetryAfter ?? (platformDown
            ? TimeSpan.FromSeconds(O.BreakSeconds)
            : TimeSpan.FromSeconds(O.FirstRetryDelaySeconds * Math.Pow(2, Math.Min(row.Attempts + 1, 20))));
        if (pause > TimeSpan.FromSeconds(O.MaxOutboxDelaySeconds)) pause = TimeSpan.FromSeconds(O.MaxOutboxDelaySeconds);
        var next = now + pause;
        await RecordAsync(row, () => outbox.Park(row, result.Error ?? "retry", next));
        metrics.Delivery(row.Channel, "retry");
        log.LogWarning("Reply {Id} not delivered ({Error}); next attempt in {Seconds:0.0} s", row.Id, result.Error, pause.TotalSeconds);
        return new Sent(row, platformDown ? Outcome.PlatformDown : Outcome.Retry, next);
    }

    /// <summary>
    /// An outcome written in the writer's batch. The write may run twice (a failed batch is written again one item at a
    /// time), so each run starts from the attempts the row had.
    /// </summary>
    private Task RecordAsync(OutboxItem row, Action mark)
    {
        var attempts = row.Attempts;
        return writes.WriteAsync(() =>
        {
            row.Attempts = attempts;
            mark();
            return true;
        });
    }

    private async Task FailAsync(OutboxItem row, string error)
    {
        await RecordAsync(row, () => outbox.MarkFailed(row, error));
        tickets.DeliveryFailed(row, error);
        metrics.Delivery(row.Channel, "failed");
        log.LogWarning("Reply {Id} failed for good on {Channel}: {Error}", row.Id, row.Channel, error);
    }
}
