using ReformBot.Core.Publishing;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Staff;

/// <summary>/api/staff/announcements: notices to followers, drafted, listed, sent and followed up.</summary>
internal static class AnnouncementApi
{
    public sealed record DraftRequest(string? Title, string? Text, List<string>? ProcedureIds, string? Field, string? Audience);

    public static void MapAnnouncementApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/staff/announcements").RequireAuthorization(StaffAuthPolicies.ApiStaff).WithTags("Staff");

        api.MapPost("/", (DraftRequest request, HttpContext http, Announcements announcements) =>
        {
            if (Invalid(request) is { } error) return Results.BadRequest(new { error });
            var audience = Enum.Parse<AnnouncementAudience>(request.Audience!, ignoreCase: true);
            var id = announcements.Draft(request.Title!, request.Text!, request.ProcedureIds ?? [], request.Field, audience, http.User.Identity?.Name ?? "");
            return Results.Created($"/api/staff/announcements/{id}", new { id });
        }).WithSummary("A draft notice to the followers of procedures or a field, or to the Zalo OA's followers");

        api.MapGet("/", (string? status, AnnouncementStore store) =>
        {
            AnnouncementStatus? filter = null;
            if (status is { Length: > 0 })
            {
                if (!Enum.TryParse<AnnouncementStatus>(status, ignoreCase: true, out var parsed))
                    return Results.BadRequest(new { error = "status must be draft, sending or sent" });
                filter = parsed;
            }
            return Results.Ok(store.List(filter).Select(a => new
            {
                id = a.Id, title = a.Title, text = a.Text, status = Name(a.Status), procedureIds = a.ProcedureIds, field = a.Field,
                audience = a.Audience.ToString().ToLowerInvariant(), proposed = a.Proposed,
            }));
        }).WithSummary("Notices, newest first, including the drafts proposed from knowledge changes");

        api.MapGet("/{id:long}", (long id, Announcements announcements) => announcements.Progress(id) is { } p
            ? Results.Ok(new { id = p.Id, status = Name(p.Status), recipients = p.Recipients, delivered = p.Delivered, failed = p.Failed, pending = p.Pending, skipped = p.Skipped })
            : Results.NotFound()).WithSummary("A notice's progress: recipients, delivered, failed, skipped by reason");

        api.MapPut("/{id:long}", (long id, DraftRequest request, Announcements announcements) =>
        {
            if (!Announcements.Fits(request.Title, request.Text)) return Results.BadRequest(new { error = TextRequired });
            return announcements.Edit(id, request.Title!, request.Text!) is { } refused ? Results.Conflict(new { error = refused }) : Results.NoContent();
        }).WithSummary("Edits a draft's title and text");

        api.MapPost("/{id:long}/send", (long id, HttpContext http, Announcements announcements, AnnouncementStore store) =>
        {
            if (store.Find(id) is null) return Results.NotFound();
            return announcements.Send(id, http.User.Identity?.Name ?? "") is { } refused
                ? Results.Conflict(new { error = refused })
                : Results.Accepted($"/api/staff/announcements/{id}");
        }).WithSummary("Approves a draft and queues it where each platform allows");
    }

    private static string Name(AnnouncementStatus status) => status.ToString().ToLowerInvariant();

    private static readonly string TextRequired = $"title (1–{Announcements.MaxTitle} characters) and text (1–{Announcements.MaxText}) are required";

    private static string? Invalid(DraftRequest r)
    {
        if (!Announcements.Fits(r.Title, r.Text)) return TextRequired;
        if (!Enum.TryParse<AnnouncementAudience>(r.Audience, ignoreCase: true, out var audience)) return "audience must be subscribers or followers";
        if (audience == AnnouncementAudience.Subscribers && (r.ProcedureIds ?? []).Count == 0 && string.IsNullOrWhiteSpace(r.Field))
            return "a notice to subscribers needs procedureIds or a field";
        return null;
    }
}
