using ReformBot.Core.Conversations;

namespace ReformBot.Core.Storage;

/// <summary>
/// Accepted activities waiting for their turn. Storing one is what the webhook's HTTP 200 promises, so a webhook waits
/// for its commit; concurrent webhooks are committed together (<see cref="WriteQueue"/>).
/// </summary>
public sealed class Inbox(BotDatabase db, WriteQueue writes, TimeProvider time)
{
    /// <summary>Stores the activity; false when the platform redelivered one already stored.</summary>
    public async Task<(bool Stored, InboxItem Item)> AcceptAsync(Activity activity)
    {
        var item = InboxItem.From(activity, time.GetUtcNow().UtcDateTime);
        return (await writes.WriteAsync(() => Store(item)), item);
    }

    public IReadOnlyList<InboxItem> Unanswered() =>
        db.Inbox.Find(x => x.AnsweredAt == null).OrderBy(x => x.ReceivedAt).ToList();

    /// <summary>In the turn's transaction, with its replies: the items will not be answered again after a restart.</summary>
    public void MarkAnswered(IEnumerable<InboxItem> items, DateTime at)
    {
        foreach (var item in items)
        {
            item.AnsweredAt = at;
            db.Inbox.Update(item);
        }
    }

    /// <summary>Answered items received before <paramref name="cutoff"/>; unanswered ones are never removed.</summary>
    public int DeleteAnsweredBefore(DateTime cutoff) => db.Inbox.DeleteMany(x => x.AnsweredAt != null && x.ReceivedAt < cutoff);

    /// <summary>Inside the writer's transaction; the single writer means no one else inserts between the check and the insert.</summary>
    private bool Store(InboxItem item)
    {
        if (db.Inbox.FindById(item.Id) is not null) return false;
        db.Inbox.Insert(item);
        return true;
    }
}
