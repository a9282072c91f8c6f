using LiteDB;

namespace ReformBot.Core.Storage;

/// <summary>A consistent copy of a LiteDB file, taken through the <see cref="LiteDatabase"/> that has it open.</summary>
public static class DatabaseSnapshot
{
    /// <summary>
    /// LiteDB 5 appends commits to the <c>-log.db</c> file and writes the data file only at a checkpoint, which waits for
    /// every open transaction. So after a checkpoint the data file alone holds everything committed, and while this
    /// thread's transaction is open no checkpoint (automatic or explicit) can start: the file cannot change during the copy,
    /// while other threads keep committing into the log. (Reading every collection inside one transaction instead is not
    /// a snapshot: LiteDB 5.0.21 fixes each collection's read version when the transaction first touches it.)
    /// In shared mode the transaction also holds LiteDB's cross-process mutex.
    /// </summary>
    public static void Copy(LiteDatabase db, string dataFile, Stream destination)
    {
        db.Checkpoint();
        db.BeginTrans();
        try
        {
            using var source = new FileStream(dataFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            source.CopyTo(destination);
        }
        finally
        {
            db.Rollback();
        }
    }
}
