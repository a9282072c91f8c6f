using ReformBot.Core.Answering;
using ReformBot.Core.Knowledge;
using Xunit;

namespace ReformBot.Tests.Answering;

public sealed class ReplyRendererTests(SamplePack sample) : IClassFixture<SamplePack>
{
    [Fact]
    public void ProcedureRepliesFitOnAPhoneAndCarryTheEssentials()
    {
        var renderer = new ReplyRenderer(sample.Pack.Office, "https://bot.example.gov.vn/thu-tuc");

        Assert.All(sample.Pack.Procedures, p =>
        {
            var reply = renderer.Render(p);
            Assert.True(reply.Length <= ReplyRenderer.MaxLength, $"{p.Id}: {reply.Length} characters");
            Assert.StartsWith(p.Name, reply);
            Assert.Contains(p.Fee, reply);
            Assert.Contains(p.ProcessingTime, reply);
            Assert.EndsWith($"Xem đầy đủ: https://bot.example.gov.vn/thu-tuc/{p.Id}", reply);
        });
    }

    [Fact]
    public void LongFaqAnswersAreCutAtASentenceAndKeepTheirLinks()
    {
        var sentence = "Người dân có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia. ";
        var faq = new FaqEntry("dai", "faq/dai.json", ["Câu hỏi dài?"], string.Concat(Enumerable.Repeat(sentence, 40)), [],
            [new FaqLink("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn")]);

        var reply = new ReplyRenderer(null).Render(faq);

        Assert.True(reply.Length <= ReplyRenderer.MaxLength);
        Assert.EndsWith("- Cổng Dịch vụ công quốc gia: https://dichvucong.gov.vn", reply);
        Assert.Contains("quốc gia. …", reply);
    }

    [Fact]
    public void ChoicesAreNumberedTitles()
    {
        var entries = sample.Pack.Procedures.Take(2).ToList();

        var reply = ReplyRenderer.Choices(entries);

        Assert.StartsWith("Có phải bạn muốn hỏi:", reply);
        Assert.Contains($"1. {entries[0].Name}", reply);
        Assert.Contains($"2. {entries[1].Name}", reply);
    }

    [Fact]
    public void NoAnswerSaysStaffWillReplyAndGivesTheHotline()
    {
        var reply = new ReplyRenderer(sample.Pack.Office).NoAnswer();

        Assert.Contains("chuyển đến cán bộ", reply);
        Assert.Contains(sample.Pack.Office!.Hotline!, reply);
    }

    [Fact]
    public void AProcedureLeadsWithTheAskedPartsThenTheRestOfTheCardOnce()
    {
        var procedure = sample.Pack.Procedures.Single(p => p.Id == "xd-gpxd-moi-nha-o-rieng-le");

        var lines = new ReplyRenderer(sample.Pack.Office).Render(procedure, [Facet.Documents, Facet.Time]).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(procedure.Name, lines[0]);
        Assert.Equal("- Hồ sơ gồm:", lines[1]);
        Assert.Equal($"- Thời hạn giải quyết: {procedure.ProcessingTime}", lines.SkipWhile(l => !l.StartsWith("- Thời hạn")).First());
        Assert.True(Array.FindIndex(lines, l => l.StartsWith("- Thời hạn")) < Array.FindIndex(lines, l => l.StartsWith("- Nơi nộp")));
        Assert.Single(lines, l => l == "- Hồ sơ gồm:");
        Assert.Single(lines, l => l.StartsWith("- Thời hạn giải quyết"));
    }
}
