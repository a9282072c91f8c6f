using LiteDB;

namespace ReformBot.Core.Storage;

/// <summary>Replies on their way out. Whatever the sender has not delivered stays here and is resumed on start-up.</summary>
public sealed class Outbox(BotDatabase db, TimeProvider time)
{
    public IReadOnlyList<OutboxItem> Pending() =>
        db.Outbox.Find(x => x.State == OutboxState.Pending).OrderBy(x => x.Id).ToList();

    /// <summary>
    /// Parameters, not values written into the query: LiteDB compiles and keeps every distinct query text, so a query with
    /// the values in it would compile again each time and never be let go.
    /// </summary>
    public IEnumerable<OutboxItem> Between(long firstId, long lastId) =>
        db.Outbox.Find(BsonExpression.Create("_id BETWEEN @0 AND @1", firstId, lastId));

    public void MarkDelivered(OutboxItem item, string? platformMessageId)
    {
        item.State = OutboxState.Delivered;
        item.PlatformMessageId = platformMessageId;
        item.DeliveredAt = time.GetUtcNow().UtcDateTime;
        item.Attempts++;
        db.Outbox.Update(item);
    }

    public void MarkFailed(OutboxItem item, string error)
    {
        item.State = OutboxState.Failed;
        item.Error = error;
        item.Attempts++;
        db.Outbox.Update(item);
    }

    public void RecordFailedAttempt(OutboxItem item, string error)
    {
        item.Error = error;
        item.Attempts++;
        db.Outbox.Update(item);
    }
}
