using System.Net.Http.Json;
using ReformBot.Core.Escalation;

namespace ReformBot.Host.Staff;

/// <summary>
/// Posts a small JSON to <c>ReformBot:Escalation:NotifyUrl</c> for each new ticket and each ticket that becomes overdue
/// (a chat group bot, the agency's own system). Each notice is sent once; a failed post is tried again on the next round.
/// </summary>
internal sealed class TicketNotifier(Tickets tickets, HttpClient http, EscalationOptions options, TimeProvider time, ILogger<TicketNotifier> log)
    : BackgroundService
{
    public sealed record Notice(string Event, string Number, string Channel, string Question, DateTimeOffset DueAt, string Path);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.NotifyUrl.Length == 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.NotifyEverySeconds), time);
        do
        {
            await NotifyAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>One round; rounds never overlap, so a notice cannot be sent twice.</summary>
    internal async Task NotifyAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await NotifyPendingAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task NotifyPendingAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var ticket in tickets.ToNotify(now))
        {
            var overdue = ticket.NotifiedNew && ticket.Status is TicketStatus.Open or TicketStatus.Claimed && ticket.DueAt < now;
            if (ticket.NotifiedNew && !overdue) continue;
            var notice = new Notice(overdue ? "overdue" : "new", ticket.Number, ticket.Channel, ticket.Question,
                new DateTimeOffset(DateTime.SpecifyKind(ticket.DueAt, DateTimeKind.Utc)), $"/staff/tickets/{ticket.Number}");
            try
            {
                using var response = await http.PostAsJsonAsync(options.NotifyUrl, notice, ct);
                if (!response.IsSuccessStatusCode)
                {
                    log.LogWarning("Ticket notification for {Number} refused: HTTP {Status}", ticket.Number, (int)response.StatusCode);
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                log.LogWarning("Ticket notification for {Number} failed: {Error}", ticket.Number, e.GetType().Name);
                return;
            }
            // Marked on the stored ticket, not on this copy: a citizen's follow-up or a claim may have come meanwhile.
            tickets.Notified(ticket.Number, overdue);
        }
    }
}
