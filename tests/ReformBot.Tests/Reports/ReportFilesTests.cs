using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using MiniExcelLibs;
using ReformBot.Core.Reports;

namespace ReformBot.Tests.Reports;

/// <summary>The XLSX and DOCX files of a small report; the host's tests compare them with the summary it serves.</summary>
public sealed class ReportFilesTests
{
    private static readonly Satisfaction Rated = new(3, 1, [0, 0, 1, 0, 2]);
    private static readonly Satisfaction None = new(0, 0, [0, 0, 0, 0, 0]);

    // A citizen's text may hold characters XML cannot: a control character and a lone surrogate.
    private static readonly ReportSummary Report = new(
        new ReportPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)),
        new ReportRow(ReportCalculator.TotalName, 12, 8, 1, 3, 2, 0.5, 2.25, Rated),
        [new ReportRow("Hoạt động xây dựng", 10, 7, 1, 2, 1, 1, 0.5, Rated), new ReportRow("Khác", 2, 1, 0, 1, 1, 0, 4, None)],
        [new ReportRow("zalo", 12, 8, 1, 3, 2, 0.5, 2.25, Rated)],
        [new Unanswered("Hoạt động xây dựng", "xd-gpxd", 2)],
        [new DialogueGroup("Hoạt động xây dựng", [new Dialogue("HC-2026-000001", "zalo", DateTime.UtcNow, "xin phép\u0001 sửa nhà \ud800thế nào", ["Chào bạn,\nhồ sơ gồm…"])])],
        new Publishing(40, 7, 2, 30, 26, 0, new Dictionary<string, int> { ["Messenger: quá 24 giờ từ tin nhắn cuối của người dân"] = 4 }));

    [Fact]
    public void TheWorkbookHoldsTheFourSheetsWithTheFigures()
    {
        using var file = new MemoryStream();
        ReportWorkbook.Write(Report, "Sở Xây dựng", file);

        Assert.Equal(["Tổng hợp", "Theo lĩnh vực", "Hài lòng", "Chưa trả lời được", "Đối thoại"], file.GetSheetNames());
        var unanswered = file.Query(useHeaderRow: true, sheetName: "Chưa trả lời được").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal(("Hoạt động xây dựng", "xd-gpxd", 2.0), ((string)unanswered[ReportWorkbook.Field]!, (string)unanswered["Mục gần nhất trong bộ câu hỏi"]!,
            Convert.ToDouble(unanswered["Số câu chuyển cán bộ"])));
        var totals = file.Query(useHeaderRow: true, sheetName: "Tổng hợp").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r[ReportWorkbook.Item]!, r => r[ReportWorkbook.Value]);
        Assert.Equal("quý IV năm 2026", totals["Kỳ báo cáo"]);
        Assert.Equal("Sở Xây dựng", totals["Cơ quan"]);
        Assert.Equal(12.0, Convert.ToDouble(totals["Câu hỏi của người dân"]));
        Assert.Equal(50.0, Convert.ToDouble(totals["Phiếu trả lời đúng hạn (%)"]));
        Assert.Equal(75.0, Convert.ToDouble(totals["Hài lòng với câu trả lời (%)"]));
        Assert.Equal((40.0, 2.0, 26.0, 4.0), (Convert.ToDouble(totals["Lượt theo dõi thủ tục, lĩnh vực (hiện có)"]), Convert.ToDouble(totals["Thông báo đã gửi"]),
            Convert.ToDouble(totals["Thông báo: đã gửi tới"]), Convert.ToDouble(totals["Thông báo: chưa gửi được"])));
        var dialogue = file.Query(useHeaderRow: true, sheetName: "Đối thoại").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal("xin phép sửa nhà thế nào", dialogue["Câu hỏi"]);
        Assert.Equal("Chào bạn,\nhồ sơ gồm…", dialogue["Trả lời của cán bộ"]);
        var byField = file.Query(useHeaderRow: true, sheetName: "Theo lĩnh vực").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Hoạt động xây dựng", "Khác", ReportCalculator.TotalName], byField.Select(r => r[ReportWorkbook.Field]));
        using var workbook = SpreadsheetDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(workbook).Select(e => e.Description));
    }

    [Fact]
    public void TheDocumentHoldsTheTitleThePeriodTheTablesAndTheDialogue()
    {
        using var file = new MemoryStream();
        ReportDocument.Write(Report, "Sở Xây dựng tỉnh Mẫu", file);

        using var document = WordprocessingDocument.Open(file, false);
        var body = document.MainDocumentPart!.Document.Body!;
        var text = string.Join("\n", body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        Assert.Contains(ReportText.Title.ToUpperInvariant(), text);
        Assert.Contains("Sở Xây dựng tỉnh Mẫu", text);
        Assert.Contains("Kỳ báo cáo: quý IV năm 2026", text);
        Assert.Contains("Đã gửi 2 thông báo về thủ tục tới 30 người nhận: 26 đã nhận; 4 chưa gửi được", text);
        Assert.Contains("xin phép sửa nhà thế nào", text);
        Assert.Equal(4, body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Count());
        Assert.Contains("xd-gpxd", body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().ElementAt(3).InnerText);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
    }
}
