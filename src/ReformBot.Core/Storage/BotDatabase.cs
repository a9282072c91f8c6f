using LiteDB;
using ReformBot.Core.Escalation;

namespace ReformBot.Core.Storage;

/// <summary>
/// The busy LiteDB file (<c>data/reformbot.db</c>): inbox, outbox, tickets, web chat messages, platform tokens, turn
/// records, ratings, subscriptions, contacts and announcements, each
/// reached through its store in this folder.
/// LiteDB is synchronous and thread-safe; a transaction belongs to the thread that began it, so none spans an await.
/// </summary>
public sealed class BotDatabase : IDisposable
{
    public const string FileName = "reformbot.db";
    private const string LockFileName = "reformbot.lock";
    private readonly LiteDatabase db;
    private readonly FileStream dataLock;

    public BotDatabase(string dataPath)
    {
        Directory.CreateDirectory(dataPath);
        Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(dataPath, FileName));
        dataLock = TryLockDataFolder(dataPath) ?? throw new InvalidOperationException(
            $"The data folder {System.IO.Path.GetFullPath(dataPath)} is in use by another ReformBot process ({LockFileName} is locked). Stop it, or set ReformBot:DataPath to another folder.");
        db = new LiteDatabase(new ConnectionString { Filename = Path, Connection = ConnectionType.Direct }, Mapper(
            typeof(InboxItem), typeof(OutboxItem), typeof(StoredChoice), typeof(WebChatMessage), typeof(StoredToken),
            typeof(Ticket), typeof(TicketMessage), typeof(TicketCandidate), typeof(TicketAction), typeof(TurnRecord), typeof(Rating),
            typeof(Subscription), typeof(Contact), typeof(Announcement)));
        db.UtcDate = true;
        TicketLogMigration.Run(db);
        Inbox.EnsureIndex(x => x.AnsweredAt);
        Outbox.EnsureIndex(x => x.State);
        WebChat.EnsureIndex(x => x.Session);
        Tickets.EnsureIndex(x => x.Number, unique: true);
        Tickets.EnsureIndex(x => x.UserId);
        Tickets.EnsureIndex(x => x.Status);
        Turns.EnsureIndex(x => x.At);
        Ratings.EnsureIndex(x => x.At);
        Outbox.EnsureIndex(x => x.AnnouncementId);
        Subscriptions.EnsureIndex(x => x.UserId);
        Subscriptions.EnsureIndex(x => x.ProcedureId);
        Subscriptions.EnsureIndex(x => x.Field);
        Contacts.EnsureIndex(x => x.LastMessageAt);
    }

    public string Path { get; }

    /// <summary>
    /// One process per data folder. LiteDB's direct mode lets a second process open the file and write to it unseen by
    /// the first (a second host, or `dotnet run` next to the service), which corrupts what both believe is stored. The
    /// lock goes with the process, however it ends. Null while another process holds it.
    /// </summary>
    public static FileStream? TryLockDataFolder(string dataPath)
    {
        try
        {
            return new FileStream(System.IO.Path.Combine(dataPath, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// A mapper of our own with every stored type mapped up front. LiteDB 5.0.21's shared BsonMapper.Global can hand a
    /// half-built type map to a second thread ("Member X not found on BsonMapper", litedb-org/LiteDB#2536, fixed after 5.0.21).
    /// </summary>
    public static BsonMapper Mapper(params Type[] types)
    {
        var mapper = new BsonMapper();
        foreach (var type in types) mapper.ToDocument(type, Activator.CreateInstance(type));
        return mapper;
    }

    internal ILiteCollection<InboxItem> Inbox => db.GetCollection<InboxItem>("inbox");
    internal ILiteCollection<OutboxItem> Outbox => db.GetCollection<OutboxItem>("outbox");
    internal ILiteCollection<WebChatMessage> WebChat => db.GetCollection<WebChatMessage>("webchat");
    internal ILiteCollection<StoredToken> Tokens => db.GetCollection<StoredToken>("tokens");
    internal ILiteCollection<Ticket> Tickets => db.GetCollection<Ticket>("tickets");
    internal ILiteCollection<TurnRecord> Turns => db.GetCollection<TurnRecord>("turns");
    internal ILiteCollection<Rating> Ratings => db.GetCollection<Rating>("ratings");
    internal ILiteCollection<Subscription> Subscriptions => db.GetCollection<Subscription>("subscriptions");
    internal ILiteCollection<Contact> Contacts => db.GetCollection<Contact>("contacts");
    internal ILiteCollection<Announcement> Announcements => db.GetCollection<Announcement>("announcements");

    /// <summary>The next value of a named counter; call inside a transaction.</summary>
    internal long Next(string counter)
    {
        var counters = db.GetCollection("counters");
        var doc = counters.FindById(counter) ?? new BsonDocument { ["_id"] = counter, ["value"] = 0L };
        doc["value"] = doc["value"].AsInt64 + 1;
        counters.Upsert(doc);
        return doc["value"].AsInt64;
    }

    /// <summary>Runs <paramref name="work"/> as one LiteDB transaction: all of it is written, or none.</summary>
    public T InTransaction<T>(Func<T> work)
    {
        db.BeginTrans();
        var committed = afterCommit = [];
        try
        {
            var result = work();
            db.Commit();
            afterCommit = null;
            foreach (var action in committed) action();
            return result;
        }
        catch
        {
            afterCommit = null;
            db.Rollback();
            throw;
        }
    }

    // What to do once this thread's transaction commits (a LiteDB transaction belongs to the thread that began it).
    [ThreadStatic] private static List<Action>? afterCommit;

    /// <summary>Runs <paramref name="action"/> once the current transaction commits (never, if it rolls back), or now outside one.</summary>
    public void AfterCommit(Action action)
    {
        if (afterCommit is { } pending) pending.Add(action);
        else action();
    }

    public void InTransaction(Action work) => InTransaction(() =>
    {
        work();
        return true;
    });

    /// <summary>For /healthz: a write that is rolled back.</summary>
    public bool IsWritable()
    {
        try
        {
            db.BeginTrans();
            db.GetCollection("health").Upsert(new BsonDocument { ["_id"] = 1, ["at"] = DateTime.UtcNow });
            db.Rollback();
            return true;
        }
        catch (LiteException)
        {
            return false;
        }
    }

    /// <summary>Writes a consistent copy of the file while the host keeps using it (<see cref="DatabaseSnapshot"/>).</summary>
    public void CopyTo(Stream destination) => DatabaseSnapshot.Copy(db, Path, destination);

    public void Dispose()
    {
        db.Dispose();
        dataLock.Dispose();
    }
}
