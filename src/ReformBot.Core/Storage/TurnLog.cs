namespace ReformBot.Core.Storage;

/// <summary>A record of every turn, for the reports (<see cref="TurnRecord"/>).</summary>
public sealed class TurnLog(BotDatabase db)
{
    /// <summary>In the turn's transaction.</summary>
    public void Add(TurnRecord record) => db.Turns.Insert(record);

    /// <summary>Turns at or after <paramref name="from"/> and before <paramref name="to"/> (UTC).</summary>
    public IReadOnlyList<TurnRecord> Between(DateTime from, DateTime to) => db.Turns.Find(x => x.At >= from && x.At < to).ToList();
}
