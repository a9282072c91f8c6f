using Microsoft.Net.Http.Headers;
using ReformBot.Core.Conversations;
using ReformBot.Core.Reports;

namespace ReformBot.Host.Staff;

/// <summary>
/// <c>GET /api/staff/reports/summary?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c> and <c>…/export?…&amp;format=xlsx|docx</c>: the
/// reports of a period (calendar days in Vietnam, both included), for staff and admins.
/// </summary>
internal static class ReportApi
{
    public static void MapReportApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/staff/reports").RequireAuthorization(StaffAuthPolicies.ApiStaff).WithTags("Staff");

        api.MapGet("/summary", (string? from, string? to, ReportCalculator reports, LiveKnowledge knowledge) =>
            ReportPeriod.Read(from, to, out var error) is { } period
                ? Results.Ok(Json(reports.Summarize(period, knowledge.Current.Hours)))
                : Results.BadRequest(new { error }))
            .WithSummary("Questions, tickets and satisfaction of a period, in total, by field and by channel");

        api.MapGet("/export", Export)
            .Produces(StatusCodes.Status200OK, responseType: null, ReportWorkbook.ContentType, ReportDocument.ContentType)
            .WithSummary("The report of a period as an XLSX workbook or a DOCX document (format=xlsx|docx)");
    }

    /// <summary>The file for the API and the console alike.</summary>
    public static IResult Export(string? from, string? to, string? format, HttpContext http, ReportCalculator reports, LiveKnowledge knowledge)
    {
        if (ReportPeriod.Read(from, to, out var error) is not { } period) return Results.BadRequest(new { error });
        var kind = (format ?? "xlsx").Trim().ToLowerInvariant();
        if (kind is not ("xlsx" or "docx")) return Results.BadRequest(new { error = "Định dạng phải là xlsx hoặc docx (format must be xlsx or docx)." });

        var report = reports.Summarize(period, knowledge.Current.Hours);
        var agency = knowledge.Current.Pack.Office?.Name;
        using var file = new MemoryStream();
        if (kind == "xlsx") ReportWorkbook.Write(report, agency, file);
        else ReportDocument.Write(report, agency, file);

        // An ASCII name for old clients, the Vietnamese one (RFC 6266 filename*) for the others.
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"bao-cao-ho-tro-TTHC-{period.Slug}.{kind}",
            FileNameStar = $"Báo cáo hỗ trợ TTHC {period.Text.Replace('/', '-')}.{kind}",
        }.ToString();
        return Results.Bytes(file.ToArray(), kind == "xlsx" ? ReportWorkbook.ContentType : ReportDocument.ContentType);
    }

    private static object Json(ReportSummary report) => new
    {
        from = report.Period.From.ToString("yyyy-MM-dd"),
        to = report.Period.To.ToString("yyyy-MM-dd"),
        period = report.Period.Text,
        questions = report.Total.Questions,
        answered = report.Total.Answered,
        offered = report.Total.Offered,
        escalated = report.Total.Escalated,
        tickets = report.Total.Tickets,
        onTimeShare = Round(report.Total.OnTimeShare, 4),
        medianFirstReplyWorkingHours = Round(report.Total.MedianFirstReplyWorkingHours, 2),
        byField = report.ByField.Select(r => Row(r, field: true)),
        byChannel = report.ByChannel.Select(r => Row(r, field: false)),
        satisfaction = Satisfaction(report.Total.Satisfaction),
        subscriptions = new { following = report.Publishing.Following, started = report.Publishing.StartedFollowing },
        notices = new
        {
            sent = report.Publishing.Notices, recipients = report.Publishing.Recipients, delivered = report.Publishing.Delivered,
            failed = report.Publishing.Failed, skipped = report.Publishing.Skipped,
        },
        topUnanswered = report.TopUnanswered.Select(u => new { field = u.Field, entryId = u.EntryId, escalated = u.Escalated }),
        dialogues = report.Dialogues.Select(g => new
        {
            field = g.Field,
            items = g.Items.Select(d => new
            {
                ticket = d.TicketNumber, channel = d.Channel, openedAt = new DateTimeOffset(DateTime.SpecifyKind(d.OpenedAt, DateTimeKind.Utc)),
                question = d.Question, staffAnswers = d.StaffAnswers,
            }),
        }),
    };

    private static Dictionary<string, object?> Row(ReportRow r, bool field) => new()
    {
        [field ? "field" : "channel"] = r.Name,
        ["questions"] = r.Questions,
        ["answered"] = r.Answered,
        ["offered"] = r.Offered,
        ["escalated"] = r.Escalated,
        ["tickets"] = r.Tickets,
        ["onTimeShare"] = Round(r.OnTimeShare, 4),
        ["medianFirstReplyWorkingHours"] = Round(r.MedianFirstReplyWorkingHours, 2),
        ["satisfaction"] = Satisfaction(r.Satisfaction),
    };

    private static object Satisfaction(Satisfaction s) => new
    {
        answers = new { yes = s.Yes, no = s.No },
        tickets = Enumerable.Range(1, 5).ToDictionary(score => score.ToString(), score => s.TicketScores[score - 1]),
        answerYesShare = Round(s.YesShare, 4),
        ticketMeanScore = Round(s.TicketMean, 2),
    };

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;
}
