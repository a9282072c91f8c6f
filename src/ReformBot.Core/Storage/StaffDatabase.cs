using LiteDB;

namespace ReformBot.Core.Storage;

/// <summary>
/// The LiteDB file of what staff own (<c>data/staff.db</c>): accounts with their API tokens, and the FAQ entries saved from
/// tickets, each reached through its store. Opened in shared mode so that <c>reformbot staff …</c> and
/// <c>reformbot knowledge export</c> work while the host runs; the busy inbox/outbox file stays in direct mode.
/// </summary>
public sealed class StaffDatabase : IDisposable
{
    public const string FileName = "staff.db";
    private readonly LiteDatabase db;
    private readonly string file;

    public StaffDatabase(string dataPath)
    {
        Directory.CreateDirectory(dataPath);
        file = Path.GetFullPath(Path.Combine(dataPath, FileName));
        db = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Shared },
            BotDatabase.Mapper(typeof(StaffAccount), typeof(ApiToken), typeof(SavedFaqEntry)));
        db.UtcDate = true;
    }

    internal ILiteCollection<StaffAccount> Accounts => db.GetCollection<StaffAccount>("staff");

    internal ILiteCollection<SavedFaqEntry> SavedFaq => db.GetCollection<SavedFaqEntry>("savedfaq");

    /// <summary>Writes a consistent copy of the file; other processes wait meanwhile (<see cref="DatabaseSnapshot"/>).</summary>
    public void CopyTo(Stream destination) => DatabaseSnapshot.Copy(db, file, destination);

    public void Dispose() => db.Dispose();
}
