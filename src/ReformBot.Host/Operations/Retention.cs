using ReformBot.Core.Escalation;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Operations;

/// <summary>
/// Hourly removal of conversation text older than <see cref="BotOptions.RetentionDays"/> (at least 7, so a platform's
/// late redelivery is still recognised): answered inbox items, sent or failed replies, web chat messages, and the text of
/// closed tickets. Unanswered and undelivered items are never removed; tickets stay, as the agency's statistics.
/// </summary>
internal sealed class Retention(
    Inbox inbox, Outbox outbox, WebChatStore webChat, ContactStore contacts, Tickets tickets, BotOptions options, TimeProvider time, ILogger<Retention> log)
    : BackgroundService
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
        var removed = inbox.DeleteAnsweredBefore(cutoff) + outbox.DeleteFinishedBefore(cutoff) + webChat.DeleteBefore(cutoff)
            + contacts.DeleteSilentSince(cutoff);
        var cleared = tickets.RemoveConversationText(cutoff);
        if (removed + cleared > 0)
            log.LogInformation("Removed {Count} inbox, outbox, web chat and follower records and the text of {Tickets} closed tickets older than {Days} days",
                removed, cleared, options.RetentionDays);
        return removed + cleared;
    }
}
