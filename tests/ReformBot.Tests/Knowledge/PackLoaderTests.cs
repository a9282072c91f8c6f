using System.Text;
using System.Text.Json.Nodes;
using ReformBot.Core.Knowledge;
using Xunit;

namespace ReformBot.Tests.Knowledge;

public sealed class PackLoaderTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("reformbot-pack-");

    public void Dispose() => root.Delete(recursive: true);

    private string Dir => root.FullName;

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(Dir, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>A complete, valid procedure object; tests break one thing in it.</summary>
    private static JsonObject Procedure(string id, string name = "Cấp giấy phép xây dựng nhà ở riêng lẻ") => new()
    {
        ["id"] = id,
        ["code"] = "1.009794",
        ["name"] = name,
        ["field"] = "Hoạt động xây dựng",
        ["level"] = "Cấp tỉnh",
        ["agency"] = "Sở Xây dựng",
        ["where"] = "Trung tâm Phục vụ hành chính công",
        ["online"] = new JsonObject { ["mode"] = "full", ["url"] = "https://dichvucong.gov.vn" },
        ["processingTime"] = "15 ngày",
        ["fee"] = "75.000 đồng",
        ["documents"] = new JsonArray("Đơn đề nghị", "Bản vẽ thiết kế"),
        ["steps"] = new JsonArray("Nộp hồ sơ", "Nhận kết quả"),
        ["result"] = "Giấy phép xây dựng",
        ["legalBasis"] = new JsonArray("Luật Xây dựng 2014"),
        ["keywords"] = new JsonArray("xin phép xây nhà"),
    };

    private static JsonObject Faq(string id, params string[] questions) => new()
    {
        ["id"] = id,
        ["questions"] = new JsonArray(questions.Select(q => (JsonNode?)JsonValue.Create(q)).ToArray()),
        ["answer"] = "Câu trả lời.",
        ["tags"] = new JsonArray("chung"),
        ["links"] = new JsonArray(new JsonObject { ["title"] = "Cổng DVC", ["url"] = "https://dichvucong.gov.vn" }),
    };

    private void WriteProcedure(JsonObject procedure, string? fileId = null) =>
        Write($"procedures/{fileId ?? (string)procedure["id"]!}.json", procedure.ToJsonString());

    private void WriteFaq(string fileName, params JsonObject[] entries) =>
        Write($"faq/{fileName}", new JsonArray(entries.Select(e => (JsonNode?)e).ToArray()).ToJsonString());

    private PackProblem LoadExpectingOneProblem()
    {
        var result = PackLoader.Load(Dir);
        Assert.Null(result.Pack);
        Assert.False(result.Ok);
        return Assert.Single(result.Problems);
    }

    [Fact]
    public void ReportsBadJsonWithFileAndLineNumber()
    {
        Write("procedures/x.json", "{\n  \"id\": \"x\",\n  \"name\": \"Tên\" \"field\": \"Lĩnh vực\"\n}");

        var problem = LoadExpectingOneProblem();

        Assert.Equal("procedures/x.json", problem.File);
        Assert.StartsWith("line 3,", problem.Location);
        Assert.StartsWith("invalid JSON", problem.Reason);
    }

    [Fact]
    public void ReportsMissingRequiredFieldByJsonPath()
    {
        var procedure = Procedure("x");
        procedure.Remove("agency");
        WriteProcedure(procedure);

        var problem = LoadExpectingOneProblem();

        Assert.Equal("procedures/x.json", problem.File);
        Assert.Equal("$.agency", problem.Location);
        Assert.Contains("required field is missing", problem.Reason);
    }

    [Fact]
    public void ReportsMissingUrlWhenOnlineModeIsFull()
    {
        var procedure = Procedure("x");
        procedure["online"] = new JsonObject { ["mode"] = "full" };
        WriteProcedure(procedure);

        var problem = LoadExpectingOneProblem();

        Assert.Equal("procedures/x.json", problem.File);
        Assert.Equal("$.online.url", problem.Location);
        Assert.Contains("url is required", problem.Reason);
    }

    [Fact]
    public void ReportsDuplicateIdWithBothFiles()
    {
        WriteProcedure(Procedure("x"));
        WriteFaq("a.json", Faq("x", "Câu hỏi?"));

        var problem = LoadExpectingOneProblem();

        Assert.Equal("faq/a.json", problem.File);
        Assert.Contains("\"x\"", problem.Location);
        Assert.Contains("duplicate id", problem.Reason);
        Assert.Contains("procedures/x.json", problem.Reason);
        Assert.Contains("faq/a.json", problem.Reason);
    }

    [Fact]
    public void ReportsIdThatDoesNotMatchFileName()
    {
        WriteProcedure(Procedure("y"), fileId: "x");

        var problem = LoadExpectingOneProblem();

        Assert.Equal("procedures/x.json", problem.File);
        Assert.Equal("$.id", problem.Location);
        Assert.Contains("does not match the file name", problem.Reason);
        Assert.Contains("\"y\"", problem.Reason);
        Assert.Contains("\"x\"", problem.Reason);
    }

    [Fact]
    public void ReportsUnknownOnlineMode()
    {
        var procedure = Procedure("x");
        procedure["online"] = new JsonObject { ["mode"] = "website", ["url"] = "https://dichvucong.gov.vn" };
        WriteProcedure(procedure);

        var problem = LoadExpectingOneProblem();

        Assert.Equal("procedures/x.json", problem.File);
        Assert.Equal("$.online.mode", problem.Location);
        Assert.Contains("unknown online mode \"website\"", problem.Reason);
    }

    [Fact]
    public void ReportsEmptyQuestionListByArrayIndex()
    {
        WriteFaq("a.json", Faq("a-1", "Câu hỏi một?"), Faq("a-2"));

        var problem = LoadExpectingOneProblem();

        Assert.Equal("faq/a.json", problem.File);
        Assert.Equal("$[1].questions", problem.Location);
        Assert.Contains("at least one", problem.Reason);
    }

    [Theory]
    [InlineData("sổ đỏ => ")]
    [InlineData("=> giấy chứng nhận")]
    [InlineData("a, , b")]
    public void ReportsBrokenSynonymRuleByLine(string brokenRule)
    {
        WriteFaq("a.json", Faq("a-1", "Câu hỏi?"));
        Write("synonyms.txt", $"# comment\ngpxd, giấy phép xây dựng\n{brokenRule}\nsổ hồng, giấy chứng nhận\n");

        var problem = LoadExpectingOneProblem();

        Assert.Equal("synonyms.txt", problem.File);
        Assert.Equal("line 3", problem.Location);
        Assert.Contains("broken synonym rule", problem.Reason);
        Assert.Contains(brokenRule.Trim(), problem.Reason);
    }

    [Theory]
    [InlineData("Hoi-Dap")]
    [InlineData("hỏi-đáp")]
    [InlineData("hoi dap")]
    [InlineData("-hoi")]
    public void ReportsIdWithInvalidCharacters(string badId)
    {
        WriteFaq("a.json", Faq(badId, "Câu hỏi?"));

        var problem = LoadExpectingOneProblem();

        Assert.Equal("faq/a.json", problem.File);
        Assert.Equal("$[0].id", problem.Location);
        Assert.Contains("must be lowercase ASCII", problem.Reason);
    }

    [Fact]
    public void ReportsEveryProblemAcrossFilesAtOnce()
    {
        var noName = Procedure("x");
        noName.Remove("name");
        WriteProcedure(noName);
        var badMode = Procedure("y");
        badMode["online"] = new JsonObject { ["mode"] = "sometimes" };
        WriteProcedure(badMode);
        WriteFaq("a.json", Faq("a-1"));
        Write("synonyms.txt", "a, , b\n");

        var result = PackLoader.Load(Dir);

        Assert.Null(result.Pack);
        Assert.True(result.Problems.Count >= 4, string.Join("\n", result.Problems));
        Assert.Contains(result.Problems, p => p is { File: "procedures/x.json", Location: "$.name" });
        Assert.Contains(result.Problems, p => p is { File: "procedures/y.json", Location: "$.online.mode" });
        Assert.Contains(result.Problems, p => p is { File: "faq/a.json", Location: "$[0].questions" });
        Assert.Contains(result.Problems, p => p is { File: "synonyms.txt", Location: "line 1" });
    }

    [Fact]
    public void LoadsValidMinimalPackWithTextInNfc()
    {
        var nfdName = "Cấp giấy phép xây dựng nhà ở riêng lẻ".Normalize(NormalizationForm.FormD);
        Assert.False(nfdName.IsNormalized(NormalizationForm.FormC));
        WriteProcedure(Procedure("xd-gpxd", nfdName));
        var minimal = Procedure("xd-khac");
        foreach (var optional in new[] { "code", "legalBasis", "keywords" }) minimal.Remove(optional);
        minimal["online"] = new JsonObject { ["mode"] = "none" };
        WriteProcedure(minimal);
        WriteFaq("a.json", Faq("a-1", "Câu hỏi một?", "Câu hỏi khác?"), Faq("a-2", "Câu hỏi hai?"));
        Write("synonyms.txt", "gpxd, giấy phép xây dựng\nsổ đỏ => giấy chứng nhận quyền sử dụng đất\n");
        Write("office.json", """{ "name": "Sở Xây dựng", "hotline": "0262 3000 000" }""");

        var result = PackLoader.Load(Dir);

        Assert.Empty(result.Problems);
        var pack = Assert.IsType<KnowledgePack>(result.Pack);
        Assert.Equal(2, pack.Procedures.Count);
        Assert.Equal(2, pack.Faq.Count);
        Assert.Equal(4, pack.Entries.Count());
        var gpxd = Assert.Single(pack.Procedures, p => p.Id == "xd-gpxd");
        Assert.True(gpxd.Name.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("Cấp giấy phép xây dựng nhà ở riêng lẻ".Normalize(NormalizationForm.FormC), gpxd.Name);
        Assert.Equal("procedures/xd-gpxd.json", gpxd.File);
        Assert.Equal(OnlineMode.Full, gpxd.Online.Mode);
        var other = Assert.Single(pack.Procedures, p => p.Id == "xd-khac");
        Assert.Equal(OnlineMode.None, other.Online.Mode);
        Assert.Null(other.Code);
        Assert.Empty(other.Keywords);
        Assert.Equal(["Câu hỏi một?", "Câu hỏi khác?"], pack.Faq.Single(f => f.Id == "a-1").Questions);
        Assert.Contains("sổ đỏ", pack.SynonymsText);
        Assert.Equal("Sở Xây dựng", pack.Office?.Name);
    }

    [Fact]
    public void LoadsShippedSamplePackWithoutProblems()
    {
        var result = PackLoader.Load(SamplePack.Directory);

        Assert.Empty(result.Problems);
        Assert.NotNull(result.Pack);
        Assert.NotEmpty(result.Pack.Procedures);
        Assert.NotEmpty(result.Pack.Faq);
        Assert.NotNull(result.Pack.SynonymsText);
        Assert.NotNull(result.Pack.Office);
    }

    [Fact]
    public void ReadsTimeAndFeePerChannelAndReportsAnUnknownChannel()
    {
        var procedure = Procedure("ct-ban-sao");
        procedure["channels"] = new JsonArray(
            new JsonObject { ["kind"] = "direct", ["processingTime"] = "1 ngày làm việc", ["fee"] = "2.000 đồng/trang" },
            new JsonObject { ["kind"] = "online", ["processingTime"] = "1 ngày làm việc", ["fee"] = "1.000 đồng/trang" });
        WriteProcedure(procedure);
        Assert.Equal(["direct", "online"], PackLoader.Load(Dir).Pack!.Procedures.Single().Channels.Select(c => c.Kind));

        procedure["channels"]!.AsArray().Add(new JsonObject { ["kind"] = "fax", ["processingTime"] = "1 ngày", ["fee"] = "0" });
        WriteProcedure(procedure);
        var problem = LoadExpectingOneProblem();

        Assert.Equal("$.channels[2].kind", problem.Location);
        Assert.Contains("unknown channel \"fax\"", problem.Reason);
    }
}
