using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using ReformBot.Core.Conversations;
using ReformBot.Core.Escalation;
using ReformBot.Core.Reports;
using static ReformBot.Host.Staff.ConsoleHtml;

namespace ReformBot.Host.Staff;

/// <summary>/staff/reports: a period (the current quarter unless chosen), the totals, two bar charts, the table by field, the downloads.</summary>
internal static class ReportPage
{
    public static void MapReportPage(this RouteGroupBuilder console)
    {
        console.MapGet("/reports", (string? from, string? to, HttpContext http, IAntiforgery af, ReportCalculator reports, LiveKnowledge knowledge, TimeProvider time) =>
        {
            var period = ReportPeriod.QuarterOf(DateOnly.FromDateTime(OfficeHours.ToLocal(time.GetUtcNow().UtcDateTime)));
            string? error = null;
            if (from is not null || to is not null) period = ReportPeriod.Read(from, to, out error) ?? period;
            var body = new StringBuilder(Form(period, error, knowledge.Current.Pack.Office?.Name));
            if (error is null) body.Append(Figures(reports.Summarize(period, knowledge.Current.Hours), knowledge.Current.Pack.Entries.ToDictionary(e => e.Id, e => e.Title)));
            var html = Page("Báo cáo", body.ToString(), ConsoleEndpoints.User(http), ConsoleEndpoints.Token(http, af));
            return Results.Content(html, "text/html; charset=utf-8", statusCode: error is null ? 200 : 400);
        });

        console.MapGet("/reports/export", ReportApi.Export);
    }

    private static string Form(ReportPeriod period, string? error, string? agency)
    {
        var query = $"from={period.From:yyyy-MM-dd}&amp;to={period.To:yyyy-MM-dd}";
        var previous = ReportPeriod.QuarterOf(period.From.AddDays(-1));
        return $"""
            <div class="card"><h1>Báo cáo hỗ trợ, giải đáp TTHC</h1>
            <p>{E(agency)}{(agency is null ? "" : " · ")}<strong>{E(period.Text)}</strong></p>
            {(error is null ? "" : $"<p class=\"error\">{E(error)}</p>")}
            <form method="get" action="/staff/reports" class="period">
            <label>Từ ngày <input type="date" name="from" value="{period.From:yyyy-MM-dd}" required></label>
            <label>Đến ngày <input type="date" name="to" value="{period.To:yyyy-MM-dd}" required></label>
            <button>Xem</button></form>
            <p><a href="/staff/reports?from={previous.From:yyyy-MM-dd}&amp;to={previous.To:yyyy-MM-dd}">Quý trước ({E(previous.Text)})</a></p>
            <p>Tải về: <a href="/staff/reports/export?{query}&amp;format=xlsx">Bảng tính (XLSX)</a> ·
            <a href="/staff/reports/export?{query}&amp;format=docx">Báo cáo Word cho hồ sơ PAR-Index (DOCX)</a></p></div>
            """;
    }

    private static string Figures(ReportSummary report, Dictionary<string, string> titles)
    {
        var t = report.Total;
        var s = t.Satisfaction;
        var html = new StringBuilder($"""
            <div class="card totals"><h2>Tổng hợp</h2><ul>
            <li>Câu hỏi của người dân: <strong>{t.Questions}</strong></li>
            <li>Bot trả lời: <strong>{t.Answered}</strong> · gợi ý nội dung gần nhất: <strong>{t.Offered}</strong> · chuyển cán bộ: <strong>{t.Escalated}</strong></li>
            <li>Phiếu: <strong>{t.Tickets}</strong> · trả lời đúng hạn: <strong>{E(ReportText.Percent(t.OnTimeShare))}</strong> ·
            trả lời đầu tiên sau (trung vị): <strong>{E(ReportText.Hours(t.MedianFirstReplyWorkingHours))}</strong> giờ làm việc</li>
            <li>Câu trả lời được đánh giá "Có": <strong>{s.Yes}</strong>, "Chưa": <strong>{s.No}</strong> (hài lòng {E(ReportText.Percent(s.YesShare))})</li>
            <li>Phiếu được đánh giá: <strong>{s.TicketRatings}</strong>, điểm trung bình <strong>{E(ReportText.Score(s.TicketMean))}</strong>/5</li>
            <li>Lượt theo dõi thủ tục, lĩnh vực: <strong>{report.Publishing.Following}</strong> (mới trong kỳ: {report.Publishing.StartedFollowing}) ·
            thông báo đã gửi: <strong>{report.Publishing.Notices}</strong>, tới {report.Publishing.Delivered}/{report.Publishing.Recipients} người nhận</li>
            </ul></div>
            <div class="card"><h2>Câu hỏi theo lĩnh vực</h2>{ReportCharts.QuestionsByField(report.ByField)}</div>
            <div class="card"><h2>Mức độ hài lòng theo lĩnh vực</h2>{ReportCharts.SatisfactionByField(report.ByField)}</div>
            """);

        html.Append("<div class=\"card\"><h2>Theo lĩnh vực</h2><div style=\"overflow-x:auto\"><table id=\"by-field\" style=\"min-width:640px\"><tr><th>Lĩnh vực</th><th>Câu hỏi</th>")
            .Append("<th>Bot trả lời</th><th>Bot gợi ý</th><th>Chuyển cán bộ</th><th>Phiếu</th><th>Đúng hạn</th><th>Trả lời đầu tiên (giờ làm việc)</th>")
            .Append("<th>Hài lòng</th><th>Điểm phiếu</th></tr>");
        foreach (var r in report.ByField.Append(t))
            html.Append($"<tr><td>{E(r.Name)}</td><td>{r.Questions}</td><td>{r.Answered}</td><td>{r.Offered}</td><td>{r.Escalated}</td><td>{r.Tickets}</td>")
                .Append($"<td>{E(ReportText.Percent(r.OnTimeShare))}</td><td>{E(ReportText.Hours(r.MedianFirstReplyWorkingHours))}</td>")
                .Append($"<td>{E(ReportText.Percent(r.Satisfaction.YesShare))}</td><td>{E(ReportText.Score(r.Satisfaction.TicketMean))}</td></tr>");
        html.Append("</table></div></div>");

        html.Append("<div class=\"card\"><h2>Theo kênh</h2><table><tr><th>Kênh</th><th>Câu hỏi</th><th>Bot trả lời</th><th>Chuyển cán bộ</th><th>Hài lòng</th></tr>");
        foreach (var r in report.ByChannel)
            html.Append($"<tr><td>{E(ReportText.Channel(r.Name))}</td><td>{r.Questions}</td><td>{r.Answered}</td><td>{r.Escalated}</td><td>{E(ReportText.Percent(r.Satisfaction.YesShare))}</td></tr>");
        html.Append("</table></div>");

        if (report.TopUnanswered.Count > 0)
        {
            html.Append("<div class=\"card\"><h2>Bot chưa trả lời được nhiều nhất</h2><p class=\"muted\">Nên bổ sung câu hỏi thường gặp cho các nội dung này.</p><ol>");
            foreach (var u in report.TopUnanswered)
                html.Append($"<li>{E(u.Field)}{(u.EntryId is null ? "" : $" · gần nhất: {E(titles.GetValueOrDefault(u.EntryId, u.EntryId))}")}: <strong>{u.Escalated}</strong> lần</li>");
            html.Append("</ol></div>");
        }
        return html.ToString();
    }
}
