using LiteDB;

namespace ReformBot.Core.Storage;

/// <summary>How to reach citizens who follow something or the OA (<see cref="Contact"/>).</summary>
public sealed class ContactStore(BotDatabase db)
{
    public Contact? Find(string channel, string userId) => db.Contacts.FindById(Contact.KeyOf(channel, userId));

    public Contact Get(string channel, string userId, DateTime lastMessageAt) =>
        Find(channel, userId) ?? new Contact { Id = Contact.KeyOf(channel, userId), Channel = channel, UserId = userId, LastMessageAt = lastMessageAt };

    public void Save(Contact contact) => db.Contacts.Upsert(contact);

    public void Delete(Contact contact) => db.Contacts.Delete(contact.Id);

    public IReadOnlyList<Contact> Find(IEnumerable<string> keys) =>
        keys.Distinct().Select(k => db.Contacts.FindById(k)).Where(c => c is not null).ToList()!;

    public IReadOnlyList<Contact> OaFollowers(string channel) => db.Contacts.Find(c => c.FollowsOa && c.Channel == channel).ToList();

    /// <summary>
    /// Citizens silent since before <paramref name="cutoff"/> are forgotten with what they follow (retention); returns how many.
    /// </summary>
    public int DeleteSilentSince(DateTime cutoff)
    {
        var silent = db.Contacts.Find(c => c.LastMessageAt < cutoff).ToList();
        foreach (var contact in silent)
        {
            db.Contacts.Delete(contact.Id);
            db.Subscriptions.DeleteMany(BsonExpression.Create("$.UserId = @0 AND $.Channel = @1", contact.UserId, contact.Channel));
        }
        return silent.Count;
    }
}
