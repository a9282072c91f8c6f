using LiteDB;
using ReformBot.Core.Conversations;

namespace ReformBot.Core.Storage;

/// <summary>Accepted activities waiting for their turn. Storing one is what the webhook's HTTP 200 promises.</summary>
public sealed class Inbox(BotDatabase db, TimeProvider time)
{
    /// <summary>Stores the activity; false when the platform redelivered one already stored.</summary>
    public bool TryAccept(Activity activity, out InboxItem item)
    {
        item = InboxItem.From(activity, time.GetUtcNow().UtcDateTime);
        try
        {
            db.Inbox.Insert(item);
            return true;
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public IReadOnlyList<InboxItem> Unanswered() =>
        db.Inbox.Find(x => x.AnsweredAt == null).OrderBy(x => x.ReceivedAt).ToList();

    /// <summary>
    /// Stores the turn's replies in the outbox and marks its inbox items answered, in one transaction: after a crash
    /// either both happened (the sender resumes the replies) or neither did (the turn runs again).
    /// </summary>
    public IReadOnlyList<OutboxItem> Complete(IReadOnlyList<InboxItem> items, IReadOnlyList<Reply> replies)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var first = items[0];
        return db.InTransaction(() =>
        {
            var outgoing = replies.Select(r => OutboxItem.For(first.Channel, first.UserId, r, now)).ToList();
            foreach (var reply in outgoing) db.Outbox.Insert(reply);
            foreach (var item in items)
            {
                item.AnsweredAt = now;
                db.Inbox.Update(item);
            }
            return outgoing;
        });
    }
}
