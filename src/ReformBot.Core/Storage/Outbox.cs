using LiteDB;

namespace ReformBot.Core.Storage;

/// <summary>
/// Replies on their way out, and the sender's schedule: each row carries its state, attempts, next attempt and priority.
/// This is the rows' only writer. Whatever the sender has not delivered stays here and is resumed on start-up.
/// </summary>
public sealed class Outbox(BotDatabase db, TimeProvider time)
{
    /// <summary>Raised once the rows added are committed, so the sender reads rows that are really there.</summary>
    public event Action? Added;

    /// <summary>Adds a row in the caller's transaction (or its own).</summary>
    public void Add(OutboxItem item)
    {
        db.Outbox.Insert(item);
        db.AfterCommit(() => Added?.Invoke());
    }

    /// <summary>
    /// Where the sender's cursor starts: just before the first row still pending, else after the last row. Reads the
    /// pending rows' ids once, through the state index.
    /// </summary>
    public long StartingPoint()
    {
        var firstPending = db.Outbox.Query().Where(x => x.State == OutboxState.Pending).Select(x => x.Id).ToEnumerable().Select(id => (long?)id).Min();
        if (firstPending is { } first) return first - 1;
        return db.Outbox.Query().OrderByDescending(x => x.Id).Select(x => x.Id).Limit(1).ToEnumerable().FirstOrDefault();
    }

    /// <summary>
    /// Up to <paramref name="max"/> rows after an id, in id order and whatever their state: the sender walks the outbox
    /// with a cursor. Commits reach this collection in id order (LiteDB holds the collection's write lock until commit), so
    /// a cursor never skips a row committed later. A parameter, not a value in the query text: LiteDB compiles and keeps
    /// every distinct query text.
    /// </summary>
    public List<OutboxItem> After(long id, int max) => db.Outbox.Find(BsonExpression.Create("_id > @0", id), limit: max).ToList();

    public void MarkDelivered(OutboxItem item, string? platformMessageId)
    {
        item.State = OutboxState.Delivered;
        item.PlatformMessageId = platformMessageId;
        item.DeliveredAt = time.GetUtcNow().UtcDateTime;
        item.NextAttemptAt = null;
        item.Attempts++;
        db.Outbox.Update(item);
    }

    public void MarkFailed(OutboxItem item, string error)
    {
        item.State = OutboxState.Failed;
        item.Error = error;
        item.NextAttemptAt = null;
        item.Attempts++;
        db.Outbox.Update(item);
    }

    /// <summary>Delivered or failed rows written before <paramref name="cutoff"/>; pending ones are never removed.</summary>
    public int DeleteFinishedBefore(DateTime cutoff) => db.Outbox.DeleteMany(x => x.State != OutboxState.Pending && x.CreatedAt < cutoff);

    /// <summary>A failed attempt: the row waits until <paramref name="nextAttemptAt"/>.</summary>
    public void Park(OutboxItem item, string error, DateTime nextAttemptAt)
    {
        item.Error = error;
        item.NextAttemptAt = nextAttemptAt;
        item.Attempts++;
        db.Outbox.Update(item);
    }
}
