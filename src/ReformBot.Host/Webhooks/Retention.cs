using ReformBot.Core.Storage;

namespace ReformBot.Host.Webhooks;

/// <summary>
/// Hourly clean-up of what only the message path needs: answered inbox items and sent or failed replies older than
/// <see cref="BotOptions.RetentionDays"/> (at least 7, so a platform's late redelivery is still recognised), and web chat
/// messages. Unanswered and undelivered items are never removed; tickets are the agency's record and stay.
/// </summary>
internal sealed class Retention(BotDatabase db, BotOptions options, TimeProvider time, ILogger<Retention> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            Prune();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    internal int Prune()
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-options.RetentionDays);
        var removed = db.Inbox.DeleteMany(x => x.AnsweredAt != null && x.ReceivedAt < cutoff)
            + db.Outbox.DeleteMany(x => x.State != OutboxState.Pending && x.CreatedAt < cutoff)
            + db.WebChat.DeleteMany(x => x.At < cutoff);
        if (removed > 0) log.LogInformation("Removed {Count} inbox, outbox and web chat records older than {Days} days", removed, options.RetentionDays);
        return removed;
    }
}
