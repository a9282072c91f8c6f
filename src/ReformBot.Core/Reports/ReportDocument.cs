using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ReformBot.Core.Reports;

/// <summary>
/// The report as a Word document for the PAR-Index evidence file: the title, the agency and the period, the totals in a
/// paragraph, tables by field and of satisfaction, and the "Đối thoại" list by field.
/// </summary>
public static class ReportDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void Write(ReportSummary report, string? agency, Stream destination)
    {
        using var document = WordprocessingDocument.Create(destination, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = DefaultStyles();
        var body = new Body(
            Line(ReportText.Title.ToUpperInvariant(), bold: true, center: true),
            Line(agency ?? "", bold: true, center: true),
            Line("Kỳ báo cáo: " + report.Period.Text, center: true),
            Heading("1. Kết quả chung"),
            Line(Totals(report.Total, agency)),
            Line(Published(report.Publishing)),
            Heading("2. Kết quả theo lĩnh vực"),
            Table(["Lĩnh vực", "Câu hỏi", "Bot trả lời", "Bot gợi ý", "Chuyển cán bộ", "Phiếu", "Trả lời đúng hạn", "Trả lời đầu tiên, trung vị (giờ làm việc)"],
                report.ByField.Append(report.Total).Select(r => new[]
                {
                    r.Name, N(r.Questions), N(r.Answered), N(r.Offered), N(r.Escalated), N(r.Tickets),
                    ReportText.Percent(r.OnTimeShare), ReportText.Hours(r.MedianFirstReplyWorkingHours),
                })),
            Heading("3. Mức độ hài lòng của người dân"),
            Line(Satisfied(report.Total.Satisfaction)),
            Table(["Lĩnh vực, kênh", "Câu trả lời: Có", "Câu trả lời: Chưa", "Hài lòng với câu trả lời", "Phiếu được đánh giá", "Điểm đánh giá phiếu (1–5)"],
                report.ByField.Concat(report.ByChannel.Select(r => r with { Name = "Kênh " + ReportText.Channel(r.Name) })).Append(report.Total)
                    .Select(r => new[]
                    {
                        r.Name, N(r.Satisfaction.Yes), N(r.Satisfaction.No), ReportText.Percent(r.Satisfaction.YesShare),
                        N(r.Satisfaction.TicketRatings), ReportText.Score(r.Satisfaction.TicketMean),
                    })),
            Line("Đánh giá phiếu theo mức:"),
            Table(["Mức đánh giá", "Số phiếu"],
                ReportText.ScoreNames.Select((name, i) => new[] { $"{i + 1} - {name}", N(report.Total.Satisfaction.TicketScores[i]) })),
            Heading("4. Nội dung trợ lý tự động chưa trả lời được nhiều nhất"),
            report.TopUnanswered.Count == 0
                ? Line("Trong kỳ không có câu hỏi nào phải chuyển cán bộ.")
                : Table(["Lĩnh vực", "Mục gần nhất trong bộ câu hỏi", "Số câu chuyển cán bộ"],
                    report.TopUnanswered.Select(u => new[] { u.Field, u.EntryId ?? "(không có)", N(u.Escalated) })),
            Heading("5. Đối thoại: câu hỏi chuyển cán bộ và trả lời của cán bộ"));
        if (report.Dialogues.Count == 0) body.Append(Line("Trong kỳ không có câu hỏi nào chuyển cán bộ."));
        foreach (var group in report.Dialogues)
        {
            body.Append(Line(group.Field, bold: true));
            foreach (var d in group.Items)
            {
                body.Append(Labelled($"Hỏi ({d.TicketNumber}, {ReportText.Channel(d.Channel)}): ", d.Question));
                body.Append(Labelled("Trả lời: ", d.StaffAnswers.Count == 0 ? "chưa có trả lời của cán bộ." : string.Join("\n", d.StaffAnswers)));
            }
        }
        // A4, margins as in Decree 30/2020 on administrative documents: 20 mm top and bottom, 30 mm left, 15 mm right.
        body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1134, Right = 850, Bottom = 1134, Left = 1701 }));
        main.Document = new Document(body);
    }

    private static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Totals(ReportRow t, string? agency) =>
        $"Trong kỳ báo cáo, {agency ?? "cơ quan"} tiếp nhận {t.Questions} câu hỏi của người dân qua Zalo OA, Fanpage và trang trò chuyện. "
        + $"Trợ lý tự động trả lời {t.Answered} câu, gợi ý nội dung gần nhất cho {t.Offered} câu và chuyển cán bộ {t.Escalated} câu. "
        + $"Cán bộ tiếp nhận {t.Tickets} phiếu; tỉ lệ phiếu được trả lời đúng hạn {ReportText.Percent(t.OnTimeShare)}; "
        + $"thời gian trả lời đầu tiên (trung vị) {ReportText.Hours(t.MedianFirstReplyWorkingHours)} giờ làm việc.";

    private static string Published(Publishing p) =>
        $"Người dân đang theo dõi {p.Following} thủ tục, lĩnh vực ({p.StartedFollowing} lượt theo dõi mới trong kỳ). "
        + $"Đã gửi {p.Notices} thông báo về thủ tục tới {p.Recipients} người nhận: {p.Delivered} đã nhận"
        + string.Concat(p.Skipped.Select(s => $"; {s.Value} chưa gửi được ({s.Key}), sẽ thấy khi nhắn tới"))
        + (p.Failed > 0 ? $"; {p.Failed} gửi lỗi" : "") + ".";

    private static string Satisfied(Satisfaction s) =>
        $"Câu trả lời của trợ lý tự động: {s.Yes} lượt đánh giá \"Có\", {s.No} lượt \"Chưa\" (tỉ lệ hài lòng {ReportText.Percent(s.YesShare)}). "
        + $"Phiếu chuyển cán bộ được đánh giá: {s.TicketRatings}, điểm trung bình {ReportText.Score(s.TicketMean)}/5.";

    private static Styles DefaultStyles() => new(new DocDefaults(
        new RunPropertiesDefault(new RunPropertiesBaseStyle(
            new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" },
            new FontSize { Val = "26" })),
        new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))));

    private static Paragraph Line(string text, bool bold = false, bool center = false)
    {
        var paragraph = new Paragraph();
        if (center) paragraph.Append(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        paragraph.Append(Run(text, bold));
        return paragraph;
    }

    private static Paragraph Heading(string text) =>
        new(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240" }), Run(text, bold: true));

    private static Paragraph Labelled(string label, string text) => new(Run(label, bold: true), Run(text, bold: false));

    /// <summary>A run of text; line breaks in staff's or citizens' text stay line breaks.</summary>
    private static Run Run(string text, bool bold)
    {
        var run = new Run();
        if (bold) run.Append(new RunProperties(new Bold()));
        var lines = ReportText.XmlSafe(text).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i].TrimEnd('\r')) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    private static Table Table(string[] headers, IEnumerable<string[]> rows)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            // A4 less the margins is about 9,000 twentieths of a point, shared by the columns.
            new TableGrid(headers.Select(_ => new GridColumn { Width = (9000 / headers.Length).ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(headers, bold: true));
        foreach (var row in rows) table.Append(Row(row, bold: false));
        return table;
    }

    private static TableRow Row(string[] cells, bool bold) => new(cells.Select(text =>
        new TableCell(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }), SmallRun(text, bold)))));

    private static Run SmallRun(string text, bool bold)
    {
        var run = Run(text, bold);
        run.RunProperties ??= new RunProperties();
        run.RunProperties.Append(new FontSize { Val = "22" });
        return run;
    }
}
