using ReformBot.Core.Answering;
using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Import;
using ReformBot.Core.Knowledge.Index;
using ReformBot.Tests.Host;
using ReformBot.Tests.Staff;

namespace ReformBot.Tests.Knowledge;

/// <summary>Procedures from the national database's format (recorded files written from its field list) into a pack.</summary>
public sealed class ImportTests
{
    private static readonly string Recorded = Path.Combine(AppContext.BaseDirectory, "Knowledge", "Import");
    private static string File(string name) => Path.Combine(Recorded, name);
    private readonly string pack = Path.Combine(RunningHost.NewDataPath(), "knowledge");

    private KnowledgePack Load() => PackLoader.Load(pack).Pack ?? throw new InvalidOperationException(string.Join('\n', PackLoader.Load(pack).Problems));

    /// <summary>Every file of the pack with its content, to tell that nothing changed.</summary>
    private Dictionary<string, string> Snapshot() => Directory.GetFiles(pack, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(pack, f), System.IO.File.ReadAllText);

    [Fact]
    public void ImportsProceduresWithTheirChannelsCasesFormsAndLegalBasisAndSkipsAnIncompleteOne()
    {
        var report = PackImport.FromDvcqg(File("dvcqg.json"), pack);

        Assert.Equal([ChangeKind.Added, ChangeKind.Added], report.Changes.Select(c => c.Kind));
        var skipped = Assert.Single(report.Skipped);
        Assert.Equal("$.data[2]", skipped.Path);
        Assert.Contains("1.004873 skipped: missing CACHTHUCTHUCHIEN (THOIGIAN), THANHPHANHOSO, TRINHTUTHUCHIEN, KETQUATHUCHIEN", skipped.Reason);

        var loaded = Load();
        var copy = loaded.Procedures.Single(p => p.Code == "2.000815");
        Assert.Equal(("tthc-2.000815", "Chứng thực", "Cấp xã", "Ủy ban nhân dân cấp xã"), (copy.Id, copy.Field, copy.Level, copy.Agency));
        Assert.Equal([("direct", "1 Ngày làm việc", "Phí chứng thực bản sao từ bản chính: 2.000 đồng/trang"),
            ("online", "2 Ngày làm việc", "Phí chứng thực bản sao điện tử từ bản chính: 1.000 đồng/trang"),
            ("postal", "3 Ngày làm việc", "Phí chứng thực bản sao từ bản chính: 2.000 đồng/trang")],
            copy.Channels.Select(c => (c.Kind, c.ProcessingTime, c.Fee)));
        Assert.Equal((OnlineMode.Partial, DvcqgReader.PortalPage + "2.000815"), (copy.Online.Mode, copy.Online.Url));
        Assert.StartsWith("Người yêu cầu chỉ mang bản chính: ", copy.Steps[2]);
        var birth = loaded.Procedures.Single(p => p.Code == "1.001193");
        Assert.Equal("Tờ khai đăng ký khai sinh (mẫu: Tờ khai đăng ký khai sinh (TT 04/2024/TT-BTP), https://csdl.dichvucong.gov.vn/web/jsp/download_file.jsp?ma=to-khai-khai-sinh)",
            birth.Documents[0]);
        Assert.Equal(["60/2014/QH13 Luật Hộ tịch", "123/2015/NĐ-CP Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch"], birth.LegalBasis);
        Assert.Equal("Miễn lệ phí đăng ký khai sinh đúng hạn", birth.Fee);
        Assert.True(System.IO.File.Exists(report.ReportFile));
    }

    [Fact]
    public void TheImportedPackAnswersWithEachChannelsFeeAndTime()
    {
        PackImport.FromDvcqg(File("dvcqg.json"), pack);
        using var index = KnowledgeIndex.Build(Load());

        var answered = Assert.IsType<Decision.Answered>(new Answerer(index, new AnswererOptions()).Answer("chung thuc ban sao phi bao nhieu"));
        var text = new ReplyRenderer(null).Render(answered);

        Assert.Equal("tthc-2.000815", answered.Best.Id);
        Assert.Contains("- Phí, lệ phí:\n  + Nộp trực tiếp: Phí chứng thực bản sao từ bản chính: 2.000 đồng/trang\n  + Nộp trực tuyến: Phí chứng thực bản sao điện tử từ bản chính: 1.000 đồng/trang", text);
        Assert.Contains("+ Nộp trực tuyến: 2 Ngày làm việc", text);
    }

    [Fact]
    public void ImportingTheSameFileAgainChangesNothingAndKeepsStaffsKeywords()
    {
        PackImport.FromDvcqg(File("dvcqg.json"), pack);
        var file = Path.Combine(pack, "procedures", "tthc-2.000815.json");
        System.IO.File.WriteAllText(file, System.IO.File.ReadAllText(file).Replace("\"keywords\": []", "\"keywords\": [\"công chứng giấy tờ\"]"));
        var before = Snapshot();

        var again = PackImport.FromDvcqg(File("dvcqg.json"), pack);

        Assert.Empty(again.Changes);
        Assert.Null(again.ReportFile);
        Assert.Equal(before, Snapshot());
        Assert.Equal(["công chứng giấy tờ"], Load().Procedures.Single(p => p.Id == "tthc-2.000815").Keywords);
    }

    [Fact]
    public void ADecisionAddsAmendsAndAbolishesAndSaysWhatChanged()
    {
        PackImport.FromDvcqg(File("dvcqg.json"), pack);

        var report = PackImport.FromDecision(File("decision.json"), pack);

        Assert.Equal([(ChangeKind.Added, "tthc-1.000894"), (ChangeKind.Changed, "tthc-2.000815"), (ChangeKind.Removed, "tthc-1.001193")],
            report.Changes.Select(c => (c.Kind, c.Id)));
        var amended = report.Changes[1].Wording;
        Assert.Contains("phí, lệ phí nay là \"Phí chứng thực bản sao từ bản chính: 3.000 đồng/trang\"", amended);
        Assert.Contains("nộp trực tuyến: thời hạn giải quyết rút từ 2 xuống 1 Ngày làm việc", amended);
        Assert.Equal(["tthc-1.000894", "tthc-2.000815"], Load().Procedures.Select(p => p.Id).Order());
        Assert.True(System.IO.File.Exists(Path.Combine(pack, PackImport.ArchiveFolder, "tthc-1.001193.json")));
        var written = System.IO.File.ReadAllText(report.ReportFile!);
        Assert.Contains("Bãi bỏ tthc-1.001193: Đăng ký khai sinh", written);
        Assert.Contains("Thêm tthc-1.000894: Đăng ký kết hôn", written);
    }

    [Theory]
    [InlineData("""{"data": [{"MATTHC": "1.1", "CACHTHUCTHUCHIEN": {"KENH": 1}}]}""", "$.data[0].CACHTHUCTHUCHIEN")]
    [InlineData("""[{"MATTHC": "1.1", "TENTTHC": "X", "CACHTHUCTHUCHIEN": [{"KENH": 7}]}]""", "$[0].CACHTHUCTHUCHIEN[0].KENH")]
    [InlineData("""[{"MATTHC": ["1.1"]}]""", "$[0].MATTHC")]
    [InlineData("""{"data": "none"}""", "$.data")]
    [InlineData("""[{"MATTHC": "1.1",""", "line 1, column 18")]
    public void AFileNotInTheFormatIsRefusedAtItsFirstWrongElementAndThePackIsUntouched(string json, string path)
    {
        PackImport.FromDvcqg(File("dvcqg.json"), pack);
        var before = Snapshot();
        var bad = Path.Combine(Path.GetDirectoryName(pack)!, "bad.json");
        System.IO.File.WriteAllText(bad, json);

        var refused = Assert.Throws<ImportFormatException>(() => PackImport.FromDvcqg(bad, pack));

        Assert.Equal(path, refused.Problem.Path);
        Assert.Equal(before, Snapshot());
        Assert.DoesNotContain(Directory.GetDirectories(Path.GetDirectoryName(pack)!), d => d != pack);
    }

    [Fact]
    public async Task TheCommandImportsAndTheImportedPackValidates()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(pack)!);
        var (code, output) = await StaffCliTests.RunAsync(Path.GetDirectoryName(pack)!, "", "knowledge", "import", "--from", "dvcqg", File("dvcqg.json"), "--out", pack);
        var (valid, problems) = await StaffCliTests.RunAsync(Path.GetDirectoryName(pack)!, "", "validate", pack);
        var (refused, why) = await StaffCliTests.RunAsync(Path.GetDirectoryName(pack)!, "", "knowledge", "import", "--from", "decision", File("dvcqg.json"), "--out", pack);

        Assert.True(code == 0, output);
        Assert.Contains("Thêm tthc-2.000815", output);
        Assert.Contains("Bỏ qua $.data[2]", output);
        Assert.True(valid == 0, problems);
        Assert.NotEqual(0, refused);
        Assert.Contains("nothing was changed. At $: expected a decision", why);
    }

    [Fact]
    public async Task ARunningHostReloadsTheImportAndProposesTheNoticesOfTheSameChanges()
    {
        PackImport.FromDvcqg(File("dvcqg.json"), pack);
        var dataPath = Path.GetDirectoryName(pack)!;
        var token = RunningHost.AddStaff(dataPath, "minh", ReformBot.Core.Storage.StaffRole.Admin);
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform, dataPath, new Dictionary<string, string?> { ["ReformBot:KnowledgePath"] = pack });
        host.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        // The watcher adds its watches on the pack's subfolders in the background once the host has started.
        await Task.Delay(1500);

        var report = PackImport.FromDecision(File("decision.json"), pack);

        List<System.Text.Json.JsonElement> drafts = [];
        for (var i = 0; i < 100 && drafts.Count < report.Changes.Count; i++)
        {
            await Task.Delay(100);
            drafts = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<List<System.Text.Json.JsonElement>>(host.Http, "/api/staff/announcements?status=draft") ?? [];
        }
        Assert.Equal(report.Changes.Select(c => c.Wording).Order(), drafts.Select(d => d.GetProperty("text").GetString()).Order());
    }
}
