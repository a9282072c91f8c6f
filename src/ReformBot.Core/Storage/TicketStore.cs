using LiteDB;
using ReformBot.Core.Escalation;

namespace ReformBot.Core.Storage;

/// <summary>Tickets as stored. What may change a ticket, and how, is <see cref="Tickets"/>'s; this only reads and writes.</summary>
public sealed class TicketStore(BotDatabase db)
{
    public Ticket? Find(string number) => db.Tickets.FindOne(t => t.Number == number);

    public IReadOnlyList<Ticket> List(TicketStatus? status) =>
        (status is { } s ? db.Tickets.Find(t => t.Status == s) : db.Tickets.FindAll()).OrderByDescending(t => t.Id).ToList();

    /// <summary>
    /// Asked on every turn, so the predicate is a parameter: LiteDB compiles an expression once per distinct text, and
    /// Query.EQ would write each user id into the text.
    /// </summary>
    public Ticket? ActiveFor(string channel, string userId) =>
        db.Tickets.Find(BsonExpression.Create("$.UserId = @0", userId))
            .Where(t => t.Channel == channel && t.Status != TicketStatus.Closed).MaxBy(t => t.Id);

    /// <summary>Tickets opened at or after <paramref name="from"/> and before <paramref name="to"/> (UTC), for the reports.</summary>
    public IReadOnlyList<Ticket> OpenedBetween(DateTime from, DateTime to) =>
        db.Tickets.Find(t => t.CreatedAt >= from && t.CreatedAt < to).OrderBy(t => t.Id).ToList();

    /// <summary>New tickets, and tickets due before <paramref name="now"/>, that the notification webhook was not told of.</summary>
    public IReadOnlyList<Ticket> ToNotify(DateTime now) =>
        db.Tickets.Find(t => !t.NotifiedNew || (!t.NotifiedOverdue && t.DueAt < now)).ToList();

    /// <summary>The citizen's closed ticket waiting for the comment they said they would write, if invited since <paramref name="since"/>.</summary>
    public Ticket? AwaitingComment(string channel, string userId, DateTime since) =>
        db.Tickets.Find(BsonExpression.Create("$.UserId = @0", userId))
            .Where(t => t.Channel == channel && t.Status == TicketStatus.Closed && t.CommentInvitedAt >= since).MaxBy(t => t.Id);

    public IReadOnlyList<Ticket> ClosedWithText() =>
        db.Tickets.Find(t => t.Status == TicketStatus.Closed && t.TextRemovedAt == null).ToList();

    /// <summary>The next number in a yearly series; inside the caller's transaction.</summary>
    public long NextNumber(int year) => db.Next($"ticket-{year}");

    public void Add(Ticket ticket) => db.Tickets.Insert(ticket);

    /// <summary>
    /// Writes the ticket if its stored version is still <paramref name="seen"/>, as the next version; false if someone
    /// wrote it meanwhile. The version check is the first write, so it also takes LiteDB's write lock on the tickets: a
    /// read after a lost race sees the winner's ticket.
    /// </summary>
    public bool TryReplace(Ticket ticket, int seen)
    {
        if (db.Tickets.UpdateMany(NextVersion, BsonExpression.Create("_id = @0 AND Version = @1", ticket.Id, seen)) == 0) return false;
        ticket.Version = seen + 1;
        db.Tickets.Update(ticket);
        return true;
    }

    private static readonly BsonExpression NextVersion = BsonExpression.Create("{ Version: Version + 1 }");

    /// <summary>Runs <paramref name="work"/> as one transaction (<see cref="BotDatabase.InTransaction{T}"/>).</summary>
    public T InTransaction<T>(Func<T> work) => db.InTransaction(work);
}
