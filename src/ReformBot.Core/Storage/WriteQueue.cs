using System.Threading.Channels;

namespace ReformBot.Core.Storage;

/// <summary>
/// Group commit for the message path. New inbox items and the turns' results are written by one writer: one LiteDB
/// transaction for whatever arrived while the previous one was being written, instead of one each. LiteDB writes every
/// page a transaction touched in full, to its log and again at the checkpoint, so a batch that touches the same outbox
/// and index pages for many messages writes them once. With one writer, no collection lock is fought over either.
/// </summary>
public sealed class WriteQueue : IDisposable
{
    private const int MaxBatch = 512;
    private readonly BotDatabase db;
    private readonly Channel<IWrite> pending = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;

    public WriteQueue(BotDatabase db)
    {
        this.db = db;
        writer = Task.Run(WriteBatchesAsync);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the next batch's transaction; the task completes once that is committed. The work
    /// must be synchronous, and may run twice: a batch that fails is written again one item at a time.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<T> work)
    {
        var write = new Write<T>(work);
        if (!pending.Writer.TryWrite(write)) throw new ObjectDisposedException(nameof(WriteQueue));
        return write.Committed;
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<IWrite>(MaxBatch);
        while (await pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && pending.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                db.InTransaction(() =>
                {
                    foreach (var write in batch) write.Run();
                });
                foreach (var write in batch) write.Complete();
            }
            catch (Exception)
            {
                // One write's failure must not fail the others in its batch.
                foreach (var write in batch) WriteAlone(write);
            }
            batch.Clear();
        }
    }

    private void WriteAlone(IWrite write)
    {
        try
        {
            db.InTransaction(write.Run);
            write.Complete();
        }
        catch (Exception e)
        {
            write.Fail(e);
        }
    }

    public void Dispose()
    {
        pending.Writer.TryComplete();
        writer.Wait(TimeSpan.FromSeconds(10));
    }

    private interface IWrite
    {
        void Run();
        void Complete();
        void Fail(Exception e);
    }

    private sealed class Write<T>(Func<T> work) : IWrite
    {
        private readonly TaskCompletionSource<T> committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? result;

        public Task<T> Committed => committed.Task;

        public void Run() => result = work();

        public void Complete() => committed.TrySetResult(result!);

        public void Fail(Exception e) => committed.TrySetException(e);
    }
}
