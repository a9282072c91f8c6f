using ReformBot.Core.Knowledge;
using ReformBot.Core.Storage;
using ReformBot.Tests.Host;

namespace ReformBot.Tests.Staff;

public sealed class KnowledgeExportTests(SamplePack sample) : IClassFixture<SamplePack>
{
    [Fact]
    public void WritesSavedEntriesAsPackFilesThatLoad()
    {
        var saved = new List<SavedFaqEntry>
        {
            new() { Id = "staff-hc-2026-000001", Questions = ["Giá vé xe khách đi Sài Gòn bao nhiêu?"], Answer = "Nhà xe niêm yết giá vé." },
            new() { Id = "variant-1", TargetId = "xd-gpxd-cap-lai-nha-o", Questions = ["giấy phép bị nước lũ làm nhòe thì sao"] },
            new() { Id = "variant-2", TargetId = "bot-chao-hoi", Questions = ["chào sở nha"] },
        };
        var dir = RunningHost.NewDataPath();

        var (created, variants, procedures) = KnowledgeExport.Write(sample.Pack, saved, dir);

        Assert.Equal((1, 1, 1), (created, variants, procedures));
        // The exported files, put in place of the originals in a copy of the pack, load without a problem.
        var pack = Path.Combine(RunningHost.NewDataPath(), "pack");
        CopyDirectory(SamplePack.Directory, pack);
        File.Copy(Path.Combine(dir, "faq", "staff-saved.json"), Path.Combine(pack, "faq", "staff-saved.json"));
        File.Copy(Path.Combine(dir, "procedures", "xd-gpxd-cap-lai-nha-o.json"), Path.Combine(pack, "procedures", "xd-gpxd-cap-lai-nha-o.json"), overwrite: true);
        var loaded = PackLoader.Load(pack);
        Assert.Empty(loaded.Problems);
        Assert.Contains("giấy phép bị nước lũ làm nhòe thì sao", loaded.Pack!.Procedures.Single(p => p.Id == "xd-gpxd-cap-lai-nha-o").Keywords);
        Assert.Equal("Nhà xe niêm yết giá vé.", loaded.Pack.Faq.Single(f => f.Id == "staff-hc-2026-000001").Answer);
        Assert.Contains("chào sở nha", File.ReadAllText(Path.Combine(dir, "faq", "staff-variants.json")));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(dir.Replace(from, to));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(from, to));
    }
}
