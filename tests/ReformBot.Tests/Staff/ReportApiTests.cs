using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using ReformBot.Core.Escalation;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Tests.Host;

namespace ReformBot.Tests.Staff;

/// <summary>
/// Citizens ask on Messenger (two questions answered, one escalated), staff answer the ticket, citizens rate; then the
/// summary, the XLSX and the DOCX of the days around today hold the same numbers.
/// </summary>
public sealed class ReportApiTests : IAsyncLifetime
{
    private const string Building = "Hoạt động xây dựng";
    private const string Escalated = "gia vang hom nay bao nhieu";
    private const string StaffAnswer = "Chào bạn, Sở Xây dựng không công bố giá vàng.";
    private readonly string dataPath = RunningHost.NewDataPath();
    private readonly DateOnly today = DateOnly.FromDateTime(OfficeHours.ToLocal(DateTime.UtcNow));
    private FakePlatform platform = null!;
    private RunningHost host = null!;
    private string token = "";
    private string escalatedField = "";

    public async Task InitializeAsync()
    {
        using (var staffFile = new StaffDatabase(dataPath))
        {
            var staff = new StaffStore(staffFile, TimeProvider.System);
            staff.Add("lan", StaffRole.Staff, "mat-khau-cua-lan");
            token = staff.IssueToken("lan")!;
        }
        platform = await FakePlatform.StartAsync();
        host = await RunningHost.StartAsync(platform, dataPath, new Dictionary<string, string?> { ["ReformBot:MessageWindowSeconds"] = "0" });

        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-R1", "mid.r1", "thu tuc xin phep xay nha o can gi"));
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-R2", "mid.r2", "thủ tục xin phép xây nhà ở cần gì"));
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-R3", "mid.r3", Escalated));
        await host.WaitUntilIdleAsync();
        var ticket = host.Service<Tickets>().List().Single();
        escalatedField = ticket.Field ?? ReportCalculator.OtherField;
        Assert.Equal(HttpStatusCode.Accepted, (await Send($"/api/staff/tickets/{ticket.Number}/reply", new { text = StaffAnswer })).StatusCode);

        var ratings = host.Service<RatingStore>();
        ratings.Add(new Rating { At = DateTime.UtcNow, Channel = "facebook", Kind = RatingKind.Answer, Score = 1, Field = Building, EntryId = "xd-gpxd-moi-nha-o-rieng-le" });
        ratings.Add(new Rating { At = DateTime.UtcNow, Channel = "facebook", Kind = RatingKind.Answer, Score = 0, Field = Building, EntryId = "xd-gpxd-moi-nha-o-rieng-le" });
        ratings.Add(new Rating { At = DateTime.UtcNow, Channel = "facebook", Kind = RatingKind.Ticket, Score = 4, Field = ticket.Field, TicketNumber = ticket.Number });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await platform.DisposeAsync();
    }

    private string Days => $"from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}";

    private Task<HttpResponseMessage> Send(string url, object? body = null)
    {
        var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return host.Http.SendAsync(request);
    }

    private async Task<JsonElement> SummaryAsync()
    {
        var response = await Send("/api/staff/reports/summary?" + Days);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement FieldRow(JsonElement summary, string field) =>
        summary.GetProperty("byField").EnumerateArray().Single(f => f.GetProperty("field").GetString() == field);

    [Fact]
    public async Task TheSummaryCountsTheQuestionsTicketsAndRatingsOfThePeriod()
    {
        var summary = await SummaryAsync();

        Assert.Equal((3, 2, 0, 1), (summary.GetProperty("questions").GetInt32(), summary.GetProperty("answered").GetInt32(),
            summary.GetProperty("offered").GetInt32(), summary.GetProperty("escalated").GetInt32()));
        Assert.Equal(1, summary.GetProperty("tickets").GetInt32());
        Assert.Equal(1.0, summary.GetProperty("onTimeShare").GetDouble());
        var satisfaction = summary.GetProperty("satisfaction");
        Assert.Equal((1, 1), (satisfaction.GetProperty("answers").GetProperty("yes").GetInt32(), satisfaction.GetProperty("answers").GetProperty("no").GetInt32()));
        Assert.Equal([0, 0, 0, 1, 0], Enumerable.Range(1, 5).Select(s => satisfaction.GetProperty("tickets").GetProperty($"{s}").GetInt32()));

        var building = FieldRow(summary, Building);
        Assert.Equal(2, building.GetProperty("answered").GetInt32());
        Assert.Equal(0.5, building.GetProperty("satisfaction").GetProperty("answerYesShare").GetDouble());
        var escalated = FieldRow(summary, escalatedField);
        Assert.Equal(1, escalated.GetProperty("escalated").GetInt32());
        Assert.Equal(1, escalated.GetProperty("tickets").GetInt32());
        Assert.Equal(1.0, escalated.GetProperty("onTimeShare").GetDouble());
        Assert.Equal(4.0, escalated.GetProperty("satisfaction").GetProperty("ticketMeanScore").GetDouble());

        var dialogue = summary.GetProperty("dialogues").EnumerateArray().Single();
        Assert.Equal(escalatedField, dialogue.GetProperty("field").GetString());
        var item = dialogue.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(Escalated, item.GetProperty("question").GetString());
        Assert.Equal(StaffAnswer, item.GetProperty("staffAnswers").EnumerateArray().Single().GetString());
    }

    [Fact]
    public async Task TheWorkbookHoldsTheSameNumbersAsTheSummary()
    {
        var summary = await SummaryAsync();

        var response = await Send($"/api/staff/reports/export?{Days}&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReportWorkbook.ContentType, response.Content.Headers.ContentType!.MediaType);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var totals = file.Query(useHeaderRow: true, sheetName: "Tổng hợp").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r[ReportWorkbook.Item]!, r => r[ReportWorkbook.Value]);
        Assert.Equal("Sở Xây dựng tỉnh Đắk Lắk", totals["Cơ quan"]);
        (string Label, string Key)[] counts =
            [("Câu hỏi của người dân", "questions"), ("Bot trả lời", "answered"), ("Bot gợi ý nội dung gần nhất", "offered"),
             ("Chuyển cán bộ", "escalated"), ("Phiếu chuyển cán bộ", "tickets")];
        foreach (var (label, key) in counts) Assert.Equal(summary.GetProperty(key).GetDouble(), Convert.ToDouble(totals[label]));
        Assert.Equal(summary.GetProperty("onTimeShare").GetDouble() * 100, Convert.ToDouble(totals["Phiếu trả lời đúng hạn (%)"]));
        Assert.Equal(1.0, Convert.ToDouble(totals["Câu trả lời được đánh giá \"Có\""]));

        var byField = file.Query(useHeaderRow: true, sheetName: "Theo lĩnh vực").Cast<IDictionary<string, object?>>().ToList();
        foreach (var row in summary.GetProperty("byField").EnumerateArray())
        {
            var sheet = byField.Single(r => (string?)r[ReportWorkbook.Field] == row.GetProperty("field").GetString());
            Assert.Equal(row.GetProperty("questions").GetDouble(), Convert.ToDouble(sheet["Câu hỏi"]));
            Assert.Equal(row.GetProperty("escalated").GetDouble(), Convert.ToDouble(sheet["Chuyển cán bộ"]));
            Assert.Equal(row.GetProperty("tickets").GetDouble(), Convert.ToDouble(sheet["Phiếu"]));
        }
        var satisfaction = file.Query(useHeaderRow: true, sheetName: "Hài lòng").Cast<IDictionary<string, object?>>().First();
        Assert.Equal(1.0, Convert.ToDouble(satisfaction["Phiếu: 4 - Hài lòng"]));
        var dialogue = file.Query(useHeaderRow: true, sheetName: "Đối thoại").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal((escalatedField, Escalated, StaffAnswer), ((string?)dialogue[ReportWorkbook.Field], (string?)dialogue["Câu hỏi"], (string?)dialogue["Trả lời của cán bộ"]));
    }

    [Fact]
    public async Task TheDocumentHoldsTheTitleTheAgencyThePeriodAndTheTables()
    {
        var summary = await SummaryAsync();

        var response = await Send($"/api/staff/reports/export?{Days}&format=docx");

        Assert.Equal(ReportDocument.ContentType, response.Content.Headers.ContentType!.MediaType);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(file, false);
        var body = document.MainDocumentPart!.Document.Body!;
        var text = string.Join("\n", body.Elements<Paragraph>().Select(p => p.InnerText));
        Assert.Contains(ReportText.Title.ToUpperInvariant(), text);
        Assert.Contains("Sở Xây dựng tỉnh Đắk Lắk", text);
        Assert.Contains($"từ ngày {today.AddDays(-1):dd/MM/yyyy} đến ngày {today.AddDays(1):dd/MM/yyyy}", text);
        Assert.Contains("tiếp nhận 3 câu hỏi", text);
        Assert.Contains($"{Escalated}\n", text + "\n");
        Assert.Contains(StaffAnswer, text);
        var tables = body.Elements<Table>().ToList();
        Assert.Equal(4, tables.Count);
        var rows = tables[0].Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        foreach (var field in summary.GetProperty("byField").EnumerateArray())
            Assert.Equal(new[] { "questions", "answered", "offered", "escalated", "tickets" }.Select(k => field.GetProperty(k).GetInt32().ToString()),
                rows.Single(r => r[0] == field.GetProperty("field").GetString())[1..6]);
        Assert.Contains(tables[2].Elements<TableRow>(), r => r.InnerText == "4 - Hài lòng1");
        Assert.Contains(tables[3].Elements<TableRow>(), r => r.InnerText.StartsWith(summary.GetProperty("topUnanswered")[0].GetProperty("field").GetString()!));
    }

    [Fact]
    public async Task TheFileIsNamedForItsPeriodInVietnameseWithAnAsciiFallback()
    {
        var response = await Send("/api/staff/reports/export?from=2026-10-01&to=2026-12-31&format=xlsx");

        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("bao-cao-ho-tro-TTHC-quy-4-2026.xlsx", disposition.FileName);
        Assert.Equal("Báo cáo hỗ trợ TTHC quý IV năm 2026.xlsx", disposition.FileNameStar);
    }

    [Theory]
    [InlineData("/api/staff/reports/summary")]
    [InlineData("/api/staff/reports/summary?from=2026-10-01")]
    [InlineData("/api/staff/reports/summary?from=2026-10-01&to=31/12/2026")]
    [InlineData("/api/staff/reports/summary?from=2026-12-31&to=2026-10-01")]
    [InlineData("/api/staff/reports/export?from=2026-13-01&to=2026-12-31&format=xlsx")]
    [InlineData("/api/staff/reports/export?from=2026-10-01&to=2026-12-31&format=pdf")]
    public async Task RefusesBadOrMissingDatesAndFormatsSayingWhy(string url)
    {
        var response = await Send(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.Matches("YYYY-MM-DD|from must not be after to|xlsx or docx", error);
    }
}
