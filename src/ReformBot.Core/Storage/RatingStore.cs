namespace ReformBot.Core.Storage;

/// <summary>Citizens' ratings of answers and of closed tickets (<see cref="Rating"/>).</summary>
public sealed class RatingStore(BotDatabase db)
{
    public void Add(Rating rating) => db.Ratings.Insert(rating);

    public bool HasTicketRating(string number) => db.Ratings.Exists(x => x.Kind == RatingKind.Ticket && x.TicketNumber == number);

    /// <summary>Ratings at or after <paramref name="from"/> and before <paramref name="to"/> (UTC).</summary>
    public IReadOnlyList<Rating> Between(DateTime from, DateTime to) => db.Ratings.Find(x => x.At >= from && x.At < to).ToList();
}
