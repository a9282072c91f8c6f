namespace ReformBot.Core.Storage;

/// <summary>The local web chat's replies, read by the page when it polls.</summary>
public sealed class WebChatStore(BotDatabase db)
{
    /// <summary>Stores a reply for the page; its id is what the page asks after.</summary>
    public long Add(WebChatMessage message) => db.WebChat.Insert(message).AsInt64;

    public IReadOnlyList<WebChatMessage> After(string session, long id, int max) =>
        db.WebChat.Find(x => x.Session == session && x.Id > id).OrderBy(x => x.Id).Take(max).ToList();

    public int DeleteBefore(DateTime cutoff) => db.WebChat.DeleteMany(x => x.At < cutoff);
}
