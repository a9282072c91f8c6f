using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using ReformBot.Core.Conversations;
using ReformBot.Core.Storage;
using ReformBot.Host.Delivery;
using ReformBot.Host.Operations;

namespace ReformBot.Host.Turns;

/// <summary>
/// Runs the turns, away from the webhook request. Messages from one user that arrive within the window of each other
/// are answered as one turn ("cho hỏi" … "xin phép xây nhà" … "cần gì"). Unanswered inbox items are resumed on start-up.
/// </summary>
internal sealed class InboxWorker(
    Inbox inbox, Conversation conversation, IServiceProvider services, BotOptions options, BotMetrics metrics, TimeProvider time,
    ILogger<InboxWorker> log)
    : BackgroundService
{
    private readonly Channel<InboxItem> queue = Channel.CreateUnbounded<InboxItem>();
    private readonly Dictionary<string, PendingTurn> pending = [];
    // Turns are CPU work (the search) plus LiteDB writes: a bounded number at a time leaves a core for acknowledging
    // webhooks, so a burst makes replies queue up instead of making the platforms' requests time out.
    private readonly SemaphoreSlim turnSlots = new(Math.Max(1, Environment.ProcessorCount - 1));

    private sealed class PendingTurn
    {
        public List<InboxItem> Items { get; } = [];
        public DateTimeOffset Due { get; set; }
    }

    private readonly ConcurrentDictionary<Task, bool> running = new();

    public void Enqueue(InboxItem item) => queue.Writer.TryWrite(item);

    /// <summary>On shutdown, lets turns already writing finish before the database closes; waiting ones stay in the inbox.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await Task.WhenAll(running.Keys).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private void Track(Task turn)
    {
        running[turn] = true;
        _ = turn.ContinueWith(t => running.TryRemove(t, out _), TaskScheduler.Default);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var resumed = inbox.Unanswered();
        if (resumed.Count > 0) log.LogInformation("Resuming {Count} unanswered inbox items", resumed.Count);
        foreach (var item in resumed) Enqueue(item);

        await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken))
        {
            var key = $"{item.Channel}:{item.UserId}";
            var due = time.GetUtcNow() + TimeSpan.FromSeconds(options.MessageWindowSeconds);
            lock (pending)
            {
                if (pending.TryGetValue(key, out var turn))
                {
                    if (turn.Items.All(i => i.Id != item.Id)) turn.Items.Add(item);
                    turn.Due = due;
                    continue;
                }
                pending[key] = turn = new PendingTurn { Due = due };
                turn.Items.Add(item);
            }
            Track(RunWhenQuietAsync(key, item, stoppingToken));
        }
    }

    private async Task RunWhenQuietAsync(string key, InboxItem first, CancellationToken ct)
    {
        var taken = false;
        try
        {
            // "Typing…" is a courtesy for a bot with time to spare. While every turn slot is taken, it would be one more
            // request per message competing with the replies themselves.
            if (turnSlots.CurrentCount > 0) _ = ShowTypingAsync(first, ct);
            List<InboxItem> items;
            while (true)
            {
                TimeSpan wait;
                lock (pending)
                {
                    wait = pending[key].Due - time.GetUtcNow();
                    if (wait <= TimeSpan.Zero)
                    {
                        items = pending[key].Items;
                        pending.Remove(key);
                        taken = true;
                        break;
                    }
                }
                await Task.Delay(wait, time, ct);
            }
            await RunTurnAsync(items, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the items stay unanswered in the inbox and are resumed on the next start.
        }
        catch (Exception e)
        {
            // Once taken, the key may already belong to the user's next turn: leave that one alone.
            if (!taken) lock (pending) pending.Remove(key);
            log.LogError(e, "Turn {Turn} for {Channel} user {User} failed; its messages stay in the inbox", first.Id, first.Channel, Mask.Id(first.UserId));
        }
    }

    /// <summary>The search holds a turn slot; waiting for the write's commit does not, so the slot can search the next turn.</summary>
    private async Task RunTurnAsync(List<InboxItem> items, CancellationToken ct)
    {
        var ordered = items.OrderBy(i => i.SentAt).ThenBy(i => i.ReceivedAt).ToList();
        var (channel, user) = (ordered[0].Channel, ordered[0].UserId);
        using var scope = log.BeginScope("Turn {Turn}", ordered[0].Id);
        var started = Stopwatch.GetTimestamp();
        TurnResult result;
        await turnSlots.WaitAsync(ct);
        try
        {
            result = conversation.Think(ordered);
        }
        finally
        {
            turnSlots.Release();
        }
        var replies = await conversation.RecordAsync(ordered, result);
        var outcome = replies.Count == 0 ? "quiet" : replies.Any(r => r.Escalated) ? "escalated" : "answered";
        metrics.Turn(channel, outcome, Stopwatch.GetElapsedTime(started));
        log.LogInformation("{Channel} user {User}: {Messages} message(s) → {Replies} reply(ies), {Outcome}",
            channel, Mask.Id(user), ordered.Count, replies.Count, outcome);
    }

    private async Task ShowTypingAsync(InboxItem item, CancellationToken ct)
    {
        var adapter = services.GetKeyedService<IChannelAdapter>(item.Channel);
        if (adapter is null) return;
        try
        {
            await adapter.ShowTypingAsync(item.UserId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogDebug(e, "Typing indicator failed");
        }
    }
}
