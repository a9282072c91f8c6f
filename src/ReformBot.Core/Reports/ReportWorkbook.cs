using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace ReformBot.Core.Reports;

/// <summary>The report as an XLSX workbook: "Tổng hợp", "Theo lĩnh vực", "Hài lòng", "Chưa trả lời được" and "Đối thoại".</summary>
public static class ReportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Column headers, also read back by the tests.
    public const string Item = "Chỉ tiêu", Value = "Giá trị", Field = "Lĩnh vực";

    public static void Write(ReportSummary report, string? agency, Stream destination)
    {
        var sheets = new Dictionary<string, object>
        {
            ["Tổng hợp"] = Totals(report, agency),
            ["Theo lĩnh vực"] = report.ByField.Append(report.Total).Select(ByField).ToList(),
            ["Hài lòng"] = Satisfaction(report),
            ["Chưa trả lời được"] = Unanswered(report),
            ["Đối thoại"] = Dialogues(report),
        };
        destination.SaveAs(sheets, configuration: new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = true });
    }

    private static List<Dictionary<string, object?>> Totals(ReportSummary report, string? agency)
    {
        var t = report.Total;
        (string, object?)[] items =
        [
            ("Cơ quan", agency),
            ("Kỳ báo cáo", report.Period.Text),
            ("Câu hỏi của người dân", t.Questions),
            ("Bot trả lời", t.Answered),
            ("Bot gợi ý nội dung gần nhất", t.Offered),
            ("Chuyển cán bộ", t.Escalated),
            ("Phiếu chuyển cán bộ", t.Tickets),
            ("Phiếu trả lời đúng hạn (%)", ReportText.PercentValue(t.OnTimeShare)),
            ("Thời gian trả lời đầu tiên, trung vị (giờ làm việc)", ReportText.HoursValue(t.MedianFirstReplyWorkingHours)),
            ("Câu trả lời được đánh giá \"Có\"", t.Satisfaction.Yes),
            ("Câu trả lời được đánh giá \"Chưa\"", t.Satisfaction.No),
            ("Hài lòng với câu trả lời (%)", ReportText.PercentValue(t.Satisfaction.YesShare)),
            ("Phiếu được đánh giá", t.Satisfaction.TicketRatings),
            ("Điểm đánh giá phiếu trung bình (1–5)", Round(t.Satisfaction.TicketMean)),
            ("Lượt theo dõi thủ tục, lĩnh vực (hiện có)", report.Publishing.Following),
            ("Lượt theo dõi mới trong kỳ", report.Publishing.StartedFollowing),
            ("Thông báo đã gửi", report.Publishing.Notices),
            ("Thông báo: người nhận", report.Publishing.Recipients),
            ("Thông báo: đã gửi tới", report.Publishing.Delivered),
            ("Thông báo: chưa gửi được", report.Publishing.Skipped.Values.Sum() + report.Publishing.Failed),
        ];
        return items.Select(i => new Dictionary<string, object?> { [Item] = i.Item1, [Value] = i.Item2 }).ToList();
    }

    private static Dictionary<string, object?> ByField(ReportRow r) => new()
    {
        [Field] = r.Name,
        ["Câu hỏi"] = r.Questions,
        ["Bot trả lời"] = r.Answered,
        ["Bot gợi ý"] = r.Offered,
        ["Chuyển cán bộ"] = r.Escalated,
        ["Phiếu"] = r.Tickets,
        ["Trả lời đúng hạn (%)"] = ReportText.PercentValue(r.OnTimeShare),
        ["Trả lời đầu tiên, trung vị (giờ làm việc)"] = ReportText.HoursValue(r.MedianFirstReplyWorkingHours),
        ["Hài lòng với câu trả lời (%)"] = ReportText.PercentValue(r.Satisfaction.YesShare),
        ["Điểm đánh giá phiếu (1–5)"] = Round(r.Satisfaction.TicketMean),
    };

    private static List<Dictionary<string, object?>> Satisfaction(ReportSummary report)
    {
        var rows = new[] { ("Tổng", report.Total) }
            .Concat(report.ByField.Select(r => ("Lĩnh vực", r)))
            .Concat(report.ByChannel.Select(r => ("Kênh", r)));
        return rows.Select(x =>
        {
            var (group, r) = x;
            var s = r.Satisfaction;
            var row = new Dictionary<string, object?>
            {
                ["Nhóm"] = group,
                ["Tên"] = group == "Kênh" ? ReportText.Channel(r.Name) : r.Name,
                ["Câu trả lời: Có"] = s.Yes,
                ["Câu trả lời: Chưa"] = s.No,
                ["Hài lòng với câu trả lời (%)"] = ReportText.PercentValue(s.YesShare),
            };
            for (var score = 1; score <= 5; score++) row[$"Phiếu: {score} - {ReportText.ScoreNames[score - 1]}"] = s.TicketScores[score - 1];
            row["Điểm đánh giá phiếu (1–5)"] = Round(s.TicketMean);
            return row;
        }).ToList();
    }

    private static List<Dictionary<string, object?>> Unanswered(ReportSummary report)
    {
        var rows = report.TopUnanswered.Select(u => new Dictionary<string, object?>
        {
            [Field] = u.Field, ["Mục gần nhất trong bộ câu hỏi"] = u.EntryId, ["Số câu chuyển cán bộ"] = u.Escalated,
        }).ToList();
        // MiniExcel takes the headers from the first row, and writes none for an empty sheet.
        return rows.Count > 0 ? rows : [new() { [Field] = null, ["Mục gần nhất trong bộ câu hỏi"] = null, ["Số câu chuyển cán bộ"] = 0 }];
    }

    private static List<Dictionary<string, object?>> Dialogues(ReportSummary report)
    {
        var rows = report.Dialogues.SelectMany(g => g.Items.Select(d => new Dictionary<string, object?>
        {
            [Field] = g.Field,
            ["Phiếu"] = d.TicketNumber,
            ["Kênh"] = ReportText.Channel(d.Channel),
            ["Câu hỏi"] = ReportText.XmlSafe(d.Question),
            ["Trả lời của cán bộ"] = d.StaffAnswers.Count == 0 ? "(chưa có trả lời)" : ReportText.XmlSafe(string.Join("\n\n", d.StaffAnswers)),
        })).ToList();
        // MiniExcel takes the headers from the first row, and writes none for an empty sheet.
        return rows.Count > 0 ? rows
            : [new() { [Field] = null, ["Phiếu"] = null, ["Kênh"] = null, ["Câu hỏi"] = "Trong kỳ không có câu hỏi nào chuyển cán bộ.", ["Trả lời của cán bộ"] = null }];
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;
}
