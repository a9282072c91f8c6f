using ReformBot.Core.Storage;

namespace ReformBot.Host.Delivery;

/// <summary>
/// Which outbox row is sent next. Each user has a line: one send at a time, rows in the order written (a reply before a
/// bulk notice). Lines whose head is due are served by priority, then age. A failed attempt parks its user's line until
/// the row's next attempt; a platform that is down parks its own users only. Not thread-safe: the sender's loop owns it.
/// </summary>
internal sealed class DeliverySchedule
{
    private readonly Dictionary<string, Line> lines = [];
    private readonly PriorityQueue<(Line Line, int Version), (OutboxPriority, long)> due = new();
    private readonly PriorityQueue<Line, DateTime> parked = new();
    private readonly Dictionary<string, DateTime> platformsDown = [];
    private readonly Dictionary<string, HashSet<Line>> waitingForPlatform = [];
    private readonly int[] held = new int[Enum.GetValues<OutboxPriority>().Length];

    /// <summary>Rows of this priority in memory, in flight included.</summary>
    public int Held(OutboxPriority priority) => held[(int)priority];

    public int InFlight { get; private set; }

    /// <summary>When the next parked line or platform is due, if any.</summary>
    public DateTime? NextWake
    {
        get
        {
            DateTime? next = parked.TryPeek(out _, out var until) ? until : null;
            foreach (var down in platformsDown.Values)
                if (next is null || down < next) next = down;
            return next;
        }
    }

    public void Add(OutboxItem row, DateTime now)
    {
        var line = LineOf(row);
        line.Rows.Add(row);
        held[(int)row.Priority]++;
        // A row resumed after a restart keeps the wait its last failure set.
        if (row.NextAttemptAt is { } at && at > now && (line.ParkedUntil is null || at > line.ParkedUntil)) Park(line, at);
        Schedule(line);
    }

    /// <summary>The next row to send, or null if none is due; the caller reports how it ended with one of the methods below.</summary>
    public OutboxItem? Take(DateTime now)
    {
        Unpark(now);
        while (due.TryDequeue(out var entry, out _))
        {
            var line = entry.Line;
            if (entry.Version != line.Version || line.Sending || line.ParkedUntil is not null || line.Rows.Count == 0) continue;
            if (platformsDown.ContainsKey(line.Channel))
            {
                WaitingFor(line.Channel).Add(line);
                continue;
            }
            var row = line.Rows.Min!;
            line.Rows.Remove(row);
            line.Sending = true;
            InFlight++;
            return row;
        }
        return null;
    }

    /// <summary>Delivered, or ended for good.</summary>
    public void Done(OutboxItem row)
    {
        var line = Finished(row);
        held[(int)row.Priority]--;
        if (line.Rows.Count == 0 && line.ParkedUntil is null) lines.Remove(line.Key);
        else Schedule(line);
    }

    /// <summary>Not delivered this time: the row stays first in its line, which waits until <paramref name="until"/>.</summary>
    public void Retry(OutboxItem row, DateTime until)
    {
        var line = Finished(row);
        line.Rows.Add(row);
        Park(line, until);
    }

    /// <summary>The platform is not taking sends (its circuit is open): its lines wait; others go on.</summary>
    public void PlatformDown(string channel, DateTime until)
    {
        if (!platformsDown.TryGetValue(channel, out var current) || until > current) platformsDown[channel] = until;
    }

    /// <summary>Forgets the row's user (their channel is off): the rows stay pending in the outbox for the next start.</summary>
    public void Drop(OutboxItem row)
    {
        var line = Finished(row);
        held[(int)row.Priority]--;
        foreach (var other in line.Rows) held[(int)other.Priority]--;
        line.Rows.Clear();
        line.ParkedUntil = null;
        line.Version++;
        lines.Remove(line.Key);
    }

    private Line Finished(OutboxItem row)
    {
        var line = lines[KeyOf(row)];
        line.Sending = false;
        InFlight--;
        return line;
    }

    private void Schedule(Line line)
    {
        if (line.Sending || line.ParkedUntil is not null || line.Rows.Count == 0) return;
        // An entry already queued for this line may rank it by an older head: the new version makes it stale.
        line.Version++;
        due.Enqueue((line, line.Version), (line.Rows.Min!.Priority, line.Rows.Min.Id));
    }

    private void Park(Line line, DateTime until)
    {
        line.ParkedUntil = until;
        parked.Enqueue(line, until);
    }

    private void Unpark(DateTime now)
    {
        while (parked.TryPeek(out var line, out var until) && until <= now)
        {
            parked.Dequeue();
            if (line.ParkedUntil != until) continue;
            line.ParkedUntil = null;
            if (line.Rows.Count == 0 && !line.Sending) lines.Remove(line.Key);
            else Schedule(line);
        }
        foreach (var (channel, until) in platformsDown.Where(p => p.Value <= now).ToList())
        {
            platformsDown.Remove(channel);
            foreach (var line in WaitingFor(channel)) Schedule(line);
            waitingForPlatform.Remove(channel);
        }
    }

    private HashSet<Line> WaitingFor(string channel) =>
        waitingForPlatform.TryGetValue(channel, out var waiting) ? waiting : waitingForPlatform[channel] = [];

    private Line LineOf(OutboxItem row)
    {
        var key = KeyOf(row);
        return lines.TryGetValue(key, out var line) ? line : lines[key] = new Line(row.Channel, key);
    }

    private static string KeyOf(OutboxItem row) => row.Channel + "\n" + row.UserId;

    private sealed class Line(string channel, string key)
    {
        public string Channel { get; } = channel;
        public string Key { get; } = key;
        public SortedSet<OutboxItem> Rows { get; } = new(Comparer<OutboxItem>.Create((a, b) => (a.Priority, a.Id).CompareTo((b.Priority, b.Id))));
        public bool Sending { get; set; }
        public DateTime? ParkedUntil { get; set; }
        /// <summary>Which entry in the due queue is current: older ones are skipped.</summary>
        public int Version { get; set; }
    }
}
