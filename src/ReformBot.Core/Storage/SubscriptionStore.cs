using LiteDB;

namespace ReformBot.Core.Storage;

/// <summary>Who follows which procedure or field (<see cref="Subscription"/>).</summary>
public sealed class SubscriptionStore(BotDatabase db)
{
    /// <summary>False when the citizen already follows it.</summary>
    public bool Add(Subscription subscription)
    {
        var mine = Of(subscription.Channel, subscription.UserId);
        if (mine.Any(s => s.ProcedureId == subscription.ProcedureId && s.Field == subscription.Field)) return false;
        db.Subscriptions.Insert(subscription);
        return true;
    }

    public IReadOnlyList<Subscription> Of(string channel, string userId) =>
        db.Subscriptions.Find(BsonExpression.Create("$.UserId = @0", userId)).Where(s => s.Channel == channel).ToList();

    /// <summary>One subscription, or with <paramref name="procedureId"/> null all of the citizen's; how many were removed.</summary>
    public int Remove(string channel, string userId, string? procedureId = null) =>
        Of(channel, userId).Where(s => procedureId is null || s.ProcedureId == procedureId).Count(s => db.Subscriptions.Delete(s.Id));

    public int Count() => db.Subscriptions.Count();

    public int StartedBetween(DateTime from, DateTime to) => db.Subscriptions.Count(s => s.At >= from && s.At < to);

    /// <summary>The followers of any of these procedures, or of this field.</summary>
    public IReadOnlyList<Subscription> Following(IReadOnlyCollection<string> procedureIds, string? field) =>
        db.Subscriptions.FindAll().Where(s => s.ProcedureId is { } id && procedureIds.Contains(id) || field is not null && s.Field == field).ToList();
}
