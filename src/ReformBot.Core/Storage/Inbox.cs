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
}
