namespace ReformBot.Core.Storage;

/// <summary>Notices to citizens and their progress (<see cref="Announcement"/>).</summary>
public sealed class AnnouncementStore(BotDatabase db)
{
    public long Add(Announcement announcement) => db.Announcements.Insert(announcement).AsInt64;

    public Announcement? Find(long id) => db.Announcements.FindById(id);

    public IReadOnlyList<Announcement> List(AnnouncementStatus? status) =>
        (status is { } s ? db.Announcements.Find(a => a.Status == s) : db.Announcements.FindAll()).OrderByDescending(a => a.Id).ToList();

    public void Save(Announcement announcement) => db.Announcements.Update(announcement);

    /// <summary>The notice's rows in the outbox by state: delivered, failed, still pending.</summary>
    public (int Delivered, int Failed, int Pending) Progress(long id)
    {
        var rows = db.Outbox.Find(LiteDB.BsonExpression.Create("$.AnnouncementId = @0", id)).Select(o => o.State).ToList();
        return (rows.Count(s => s == OutboxState.Delivered), rows.Count(s => s == OutboxState.Failed), rows.Count(s => s == OutboxState.Pending));
    }

    /// <summary>One transaction for <paramref name="work"/>.</summary>
    public T InTransaction<T>(Func<T> work) => db.InTransaction(work);
}
