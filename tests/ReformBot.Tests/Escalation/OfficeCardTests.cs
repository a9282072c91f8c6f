using ReformBot.Core.Escalation;

namespace ReformBot.Tests.Escalation;

public sealed class OfficeCardTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("reformbot-office-");

    public OfficeCardTests() =>
        Write("faq/lien-he.json", """[{ "id": "lh-dia-chi", "questions": ["Địa chỉ ở đâu?"], "answer": "Số 1 đường Mẫu." }]""");

    public void Dispose() => root.Delete(recursive: true);

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(root.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void ReportsHoursItCannotReadWithFileLocationAndReason()
    {
        Write("office.json", """{ "name": "Sở Xây dựng", "hours": "Thứ Hai đến Thứ Sáu, 7h00–11h30, chiều tùy ngày" }""");

        var result = OfficeCard.LoadPack(root.FullName);

        Assert.Null(result.Pack);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("office.json", "$.hours"), (problem.File, problem.Location));
        Assert.Contains("cannot read \"tùy ngày\"", problem.Reason);
    }

    [Fact]
    public void ListsTheHoursWithTheLoadersOtherProblems()
    {
        Write("office.json", """{ "hours": "giờ hành chính" }""");
        Write("faq/hong.json", """[{ "id": "Bad Id", "questions": ["?"], "answer": "x" }]""");

        var result = OfficeCard.LoadPack(root.FullName);

        Assert.Contains(result.Problems, p => p.File == "faq/hong.json");
        Assert.Contains(result.Problems, p => p.File == "office.json" && p.Location == "$.hours");
    }

    [Theory]
    [InlineData("""{ "name": "Sở Xây dựng", "hours": "Thứ 2 - Thứ 6: 7h30 - 11h30, 13h30 - 17h" }""")]
    [InlineData("""{ "name": "Sở Xây dựng" }""")]
    [InlineData("""{ "name": "Sở Xây dựng", "hours": null }""")]
    public void LoadsACardWithReadableHoursOrNone(string card)
    {
        Write("office.json", card);

        Assert.True(OfficeCard.LoadPack(root.FullName).Ok);
    }

    [Fact]
    public void LoadsAPackWithoutACard() => Assert.True(OfficeCard.LoadPack(root.FullName).Ok);

    [Fact]
    public void ReadsTheShippedSamplePacksHours() => Assert.True(OfficeCard.LoadPack(SamplePack.Directory).Ok);
}
