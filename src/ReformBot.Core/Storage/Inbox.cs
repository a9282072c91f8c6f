using System.Threading.Channels;
using ReformBot.Core.Conversations;

namespace ReformBot.Core.Storage;

/// <summary>
/// Accepted activities waiting for their turn. Storing one is what the webhook's HTTP 200 promises, so a webhook waits
/// for its commit. Concurrent webhooks are committed together (group commit): one LiteDB transaction for whatever
/// arrived while the previous one was being written, instead of one each.
/// </summary>
public sealed class Inbox : IDisposable
{
    private const int MaxBatch = 512;
    private readonly BotDatabase db;
    private readonly TimeProvider time;
    private readonly Channel<(InboxItem Item, TaskCompletionSource<bool> Stored)> pending =
        Channel.CreateUnbounded<(InboxItem, TaskCompletionSource<bool>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;

    public Inbox(BotDatabase db, TimeProvider time)
    {
        this.db = db;
        this.time = time;
        writer = Task.Run(WriteAsync);
    }

    /// <summary>Stores the activity; false when the platform redelivered one already stored.</summary>
    public async Task<(bool Stored, InboxItem Item)> AcceptAsync(Activity activity)
    {
        var item = InboxItem.From(activity, time.GetUtcNow().UtcDateTime);
        var stored = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!pending.Writer.TryWrite((item, stored))) throw new ObjectDisposedException(nameof(Inbox));
        return (await stored.Task, item);
    }

    public IReadOnlyList<InboxItem> Unanswered() =>
        db.Inbox.Find(x => x.AnsweredAt == null).OrderBy(x => x.ReceivedAt).ToList();

    private async Task WriteAsync()
    {
        var batch = new List<(InboxItem Item, TaskCompletionSource<bool> Stored)>(MaxBatch);
        while (await pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && pending.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                var results = db.InTransaction(() => batch.Select(b => Store(b.Item)).ToList());
                for (var i = 0; i < batch.Count; i++) batch[i].Stored.TrySetResult(results[i]);
            }
            catch (Exception e)
            {
                foreach (var b in batch) b.Stored.TrySetException(e);
            }
            batch.Clear();
        }
    }

    /// <summary>Inside the batch's transaction; the single writer means no one else inserts between the check and the insert.</summary>
    private bool Store(InboxItem item)
    {
        if (db.Inbox.FindById(item.Id) is not null) return false;
        db.Inbox.Insert(item);
        return true;
    }

    public void Dispose()
    {
        pending.Writer.TryComplete();
        writer.Wait(TimeSpan.FromSeconds(10));
    }
}
