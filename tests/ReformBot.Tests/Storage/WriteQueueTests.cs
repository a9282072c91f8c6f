using ReformBot.Core.Conversations;
using ReformBot.Core.Storage;
using ReformBot.Tests.Host;

namespace ReformBot.Tests.Storage;

public sealed class WriteQueueTests : IDisposable
{
    private readonly BotDatabase db = new(RunningHost.NewDataPath());
    private readonly WriteQueue writes;

    public WriteQueueTests() => writes = new WriteQueue(db);

    public void Dispose()
    {
        writes.Dispose();
        db.Dispose();
    }

    private static InboxItem Item(int n) =>
        InboxItem.From(new Activity("webchat", $"user-{n}", $"m-{n}", ActivityKind.Text, $"câu hỏi {n}", DateTimeOffset.UtcNow), DateTime.UtcNow);

    [Fact]
    public async Task AFailingWriteFailsAloneAndLeavesNothingBehind()
    {
        // The first write holds the writer, so the next ones queue up and are committed as one batch.
        using var hold = new ManualResetEventSlim();
        var first = writes.WriteAsync(() =>
        {
            hold.Wait();
            return db.Inbox.Insert(Item(0));
        });
        var others = Enumerable.Range(1, 10).Select(n => writes.WriteAsync(() => db.Inbox.Insert(Item(n)))).ToList();
        var failing = writes.WriteAsync<int>(() =>
        {
            db.Inbox.Insert(Item(99));
            throw new InvalidOperationException("bad write");
        });
        others.AddRange(Enumerable.Range(11, 10).Select(n => writes.WriteAsync(() => db.Inbox.Insert(Item(n)))));
        hold.Set();

        await first;
        await Task.WhenAll(others);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("bad write", error.Message);
        Assert.Equal(Enumerable.Range(0, 21).Select(n => $"webchat:m-{n}").Order(), db.Inbox.FindAll().Select(i => i.Id).Order());
    }

    [Fact]
    public async Task WritesEverythingQueuedBeforeItIsDisposed()
    {
        var queued = Enumerable.Range(0, 50).Select(n => writes.WriteAsync(() => db.Inbox.Insert(Item(n)))).ToList();
        writes.Dispose();

        await Task.WhenAll(queued);
        Assert.Equal(50, db.Inbox.Count());
        Assert.Throws<ObjectDisposedException>(() => { _ = writes.WriteAsync(() => 0); });
    }
}
