using System.Text.Json;
using Microsoft.Extensions.Options;
using ReformBot.Core.Escalation;
using ReformBot.Host.Channels.Facebook;

namespace ReformBot.Host.Staff;

/// <summary>/api/staff: tickets for integrations and scripts, with per-staff bearer tokens. Described at /openapi/v1.json.</summary>
internal static class StaffApi
{
    public sealed record ReplyRequest(string? Text);
    public sealed record SaveFaqRequest(string? Question, string? Answer, string? TargetId);

    /// <summary>A change staff asked for: the ticket, 409 with the reason it cannot be done now, or 404.</summary>
    private static IResult Outcome(Tickets.Change change) => change switch
    {
        Tickets.Change.Done done => Results.Ok(TicketView.Summary(done.Ticket)),
        Tickets.Change.Refused refused => Results.Conflict(new { error = refused.Reason }),
        _ => Results.NotFound(),
    };

    public static void MapStaffApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/staff").RequireAuthorization(StaffAuthPolicies.ApiStaff).WithTags("Staff");

        api.MapGet("/tickets", (string? status, Tickets tickets) =>
        {
            TicketStatus? filter = null;
            if (status is { Length: > 0 })
            {
                if (!Enum.TryParse<TicketStatus>(status, ignoreCase: true, out var parsed))
                    return Results.BadRequest(new { error = "status must be open, claimed, answered or closed" });
                filter = parsed;
            }
            return Results.Ok(tickets.List(filter).Select(TicketView.Summary));
        }).WithSummary("Tickets, newest first, optionally by status");

        api.MapGet("/tickets/{number}", (string number, Tickets tickets) =>
            tickets.Find(number) is { } ticket ? Results.Ok(TicketView.Full(ticket)) : Results.NotFound())
            .WithSummary("One ticket with its conversation, the bot's candidates and the actions taken");

        api.MapPost("/tickets/{number}/reply", (string number, ReplyRequest body, HttpContext http, StaffReplies replies) =>
            replies.Send(number, http.User.Identity!.Name!, body.Text ?? ""))
            .WithSummary("Reply to the citizen on their channel, through the outbox");

        (string Action, Func<Tickets, string, string, Tickets.Change> Change, string Summary)[] changes =
        [
            ("claim", (t, n, s) => t.Claim(n, s), "Take the ticket: the bot stays quiet in the conversation until it is released or closed"),
            ("release", (t, n, s) => t.Release(n, s), "Give the ticket back to the queue"),
            ("close", (t, n, s) => t.Close(n, s), "Close the ticket"),
            ("reopen", (t, n, s) => t.Reopen(n, s), "Reopen a closed ticket"),
        ];
        foreach (var (action, change, summary) in changes)
            api.MapPost($"/tickets/{{number}}/{action}", (string number, HttpContext http, Tickets tickets) =>
                Outcome(change(tickets, number, http.User.Identity!.Name!)))
                .WithSummary(summary);

        api.MapPost("/tickets/{number}/faq", async (string number, SaveFaqRequest body, HttpContext http, StaffKnowledge knowledge, CancellationToken ct) =>
            await knowledge.SaveAsync(number, http.User.Identity!.Name!, body.Question ?? "", body.Answer, body.TargetId, ct) switch
            {
                StaffKnowledge.SaveResult.Saved saved => Results.Ok(new { id = saved.Id }),
                StaffKnowledge.SaveResult.Refused refused => Results.BadRequest(new { error = refused.Reason }),
                _ => throw new InvalidOperationException(),
            })
            .WithSummary("Save the citizen's question as a new FAQ entry (question + answer) or as another way of asking targetId");

        app.MapPost("/api/staff/knowledge/reload", async (KnowledgeReloader reloader, CancellationToken ct) =>
            {
                var outcome = await reloader.ReloadAsync(ct);
                return outcome.Loaded
                    ? Results.Ok(new { entries = outcome.Entries })
                    : Results.UnprocessableEntity(new { error = "The knowledge pack has problems; the previous index keeps serving.", problems = outcome.Problems });
            })
            .RequireAuthorization(StaffAuthPolicies.ApiAdmin).WithTags("Staff").WithSummary("Rebuild the index from knowledge/ (admin)");

        app.MapBackup();
        app.MapReportApi();
        app.MapOpenApi().RequireAuthorization(StaffAuthPolicies.ApiStaff);
    }
}

/// <summary>A staff reply, from the console or the API: queued in the outbox, which wakes the sender.</summary>
internal sealed class StaffReplies(Tickets tickets, IOptions<FacebookOptions> facebook)
{
    public IResult Send(string number, string staff, string text)
    {
        if (tickets.Find(number) is null) return Results.NotFound();
        if (text.Trim().Length is 0 or > 4000) return Results.BadRequest(new { error = "text must be 1–4000 characters" });
        switch (tickets.Reply(number, staff, text, facebook.Value.HumanAgentTag))
        {
            case Tickets.ReplyResult.Queued queued:
                return Results.Accepted($"/api/staff/tickets/{number}", TicketView.Summary(queued.Ticket));
            case Tickets.ReplyResult.Refused refused:
                return Results.Conflict(new { error = refused.Reason });
            default:
                throw new InvalidOperationException();
        }
    }
}

/// <summary>What the API shows of a ticket: never the raw user id.</summary>
internal static class TicketView
{
    public static object Summary(Ticket t) => new
    {
        number = t.Number, channel = t.Channel, status = t.Status.ToString().ToLowerInvariant(), question = t.Question,
        user = t.UserRef, assignee = t.Assignee, createdAt = Utc(t.CreatedAt), dueAt = Utc(t.DueAt), deliveryError = t.DeliveryError,
    };

    public static object Full(Ticket t) => new
    {
        number = t.Number, channel = t.Channel, status = t.Status.ToString().ToLowerInvariant(), question = t.Question,
        user = t.UserRef, assignee = t.Assignee, createdAt = Utc(t.CreatedAt), dueAt = Utc(t.DueAt), deliveryError = t.DeliveryError,
        messages = t.Messages.Select(m => new { at = Utc(m.At), from = m.From.ToString().ToLowerInvariant(), staff = m.Staff, text = m.Text }),
        candidates = t.Candidates.Select(c => new { id = c.Id, title = c.Title, confidence = c.Confidence }),
        firstStaffReplyAt = t.FirstStaffReplyAt is { } first ? Utc(first) : (DateTimeOffset?)null,
        closedAt = t.ClosedAt is { } closed ? Utc(closed) : (DateTimeOffset?)null,
        actions = t.Actions.Select(a => new { at = Utc(a.At), kind = JsonNamingPolicy.CamelCase.ConvertName(a.Kind.ToString()), actor = a.Actor, text = a.Text, description = a.Describe() }),
    };

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
