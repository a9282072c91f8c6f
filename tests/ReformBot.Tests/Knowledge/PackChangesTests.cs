using ReformBot.Core.Knowledge;

namespace ReformBot.Tests.Knowledge;

public sealed class PackChangesTests(SamplePack sample) : IClassFixture<SamplePack>
{
    private KnowledgePack With(Func<Procedure, Procedure> change, string id = "xd-gpxd-moi-nha-o-rieng-le") =>
        sample.Pack with { Procedures = sample.Pack.Procedures.Select(p => p.Id == id ? change(p) : p).ToList() };

    [Fact]
    public void AnUnchangedPackHasNoChanges() => Assert.Empty(PackChanges.Between(sample.Pack, sample.Pack with { }));

    [Fact]
    public void AShorterTimeIsWordedAsCitizensSayIt()
    {
        var change = Assert.Single(PackChanges.Between(sample.Pack, With(p => p with { ProcessingTime = "10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ" })));

        Assert.Equal(ChangeKind.Changed, change.Kind);
        Assert.Equal("time", Assert.Single(change.Parts).Part);
        Assert.Equal($"Thủ tục \"{change.Name}\": thời hạn giải quyết rút từ 15 xuống 10 ngày.", change.Wording);
    }

    [Fact]
    public void NamesEachPartThatChangedAndWhatWasAddedOrRemoved()
    {
        var after = With(p => p with
        {
            Fee = "Miễn lệ phí",
            Documents = [.. p.Documents.Skip(1), "Bản vẽ thiết kế có chữ ký của chủ nhà"],
            Online = new OnlineService(OnlineMode.Partial, "https://dichvucong.daklak.gov.vn/gpxd"),
        });

        var change = Assert.Single(PackChanges.Between(sample.Pack, after));

        Assert.Equal(["fee", "documents", "online"], change.Parts.Select(p => p.Part));
        Assert.Contains("phí, lệ phí nay là \"Miễn lệ phí\"", change.Wording);
        Assert.Contains("thêm \"Bản vẽ thiết kế có chữ ký của chủ nhà\"", change.Wording);
        Assert.Contains("nay nộp trực tuyến một phần tại https://dichvucong.daklak.gov.vn/gpxd", change.Wording);
    }

    [Fact]
    public void TellsAddedAndRemovedProceduresAndIgnoresWhitespaceAndKeywords()
    {
        var removed = sample.Pack.Procedures[0];
        var added = removed with { Id = "thu-tuc-moi", Name = "Thủ tục mới" };
        var after = sample.Pack with
        {
            Procedures = [.. sample.Pack.Procedures.Skip(1).Select(p => p with { Fee = " " + p.Fee + "  ", Keywords = [.. p.Keywords, "từ mới"] }), added],
        };

        var changes = PackChanges.Between(sample.Pack, after);

        Assert.Equal([(ChangeKind.Added, "thu-tuc-moi"), (ChangeKind.Removed, removed.Id)], changes.Select(c => (c.Kind, c.Id)));
        Assert.Equal($"Thủ tục \"{removed.Name}\" đã bãi bỏ, không còn thực hiện.", changes[1].Wording);
    }
}
