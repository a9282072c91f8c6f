using ReformBot.Core.Knowledge.Analysis;

namespace ReformBot.Tests.Knowledge.Analysis;

public class NationalThesaurusTests
{
    [Fact]
    public void ShipsWithoutABrokenLine()
    {
        var national = NationalThesaurus.Instance;
        Assert.Empty(national.Problems);
        Assert.Empty(Thesaurus.Validate(national.Rules));
    }

    [Fact]
    public void ReadsTopicsWithTheirReferralAndField()
    {
        var national = NationalThesaurus.Parse([("giay-to", "# GIẤY TỜ\nchung, chung chung\n[hộ chiếu | Công an cấp tỉnh]\nlàm hộ chiếu => cấp hộ chiếu\n")]);

        var hit = Assert.Single(national.Topics.Find(["xin", "cap", "ho", "chieu"], plain: true));
        Assert.Equal((1, 3), (hit.Start, hit.Length));
        Assert.Equal(new Topic("hộ chiếu", "GIẤY TỜ", "Công an cấp tỉnh"), Assert.Single(hit.Values));
        Assert.Empty(national.Topics.Find(["chung"], plain: true));
        Assert.Contains("làm hộ chiếu => cấp hộ chiếu", national.Rules);
        Assert.DoesNotContain("[", national.Rules);
    }

    [Fact]
    public void ReadsQualifiersByLabel()
    {
        var national = NationalThesaurus.Parse([("qualifiers", "# Q\n{có yếu tố nước ngoài} người nước ngoài, việt kiều\n")]);

        var hit = Assert.Single(national.Qualifiers.Find(["lay", "chong", "viet", "kieu"], plain: true));
        Assert.Equal("có yếu tố nước ngoài", Assert.Single(hit.Values).Label);
    }

    [Fact]
    public void ReportsABrokenTopicLineWithFileAndLine()
    {
        var national = NationalThesaurus.Parse([("dat-dai", "# ĐẤT\n[tách thửa\nchia đất, , tách sổ\n")]);

        Assert.Equal(["dat-dai.txt:2: a topic line is [topic] or [topic | who handles it]", "dat-dai.txt:3: empty phrase (a stray comma or an arrow with nothing on one side)"], national.Problems);
    }

    [Fact]
    public void MatchesAPhraseAsTyped()
    {
        var national = NationalThesaurus.Parse([("bao-hiem", "# BẢO HIỂM\n[chế độ thai sản]\ntiền đẻ, tiền thai sản\n[đăng ký kí hiệu]\nđăng ký nhãn\n")]);

        Assert.Single(national.Topics.Find(["tien", "de"], plain: true));
        Assert.Single(national.Topics.Find(["tiền", "đẻ"], plain: false));
        Assert.Empty(national.Topics.Find(["tiền", "để"], plain: false));
        Assert.Single(national.Topics.Find(["đăng", "kí", "nhãn"], plain: false));
    }

    [Fact]
    public void ReadsNoPhraseAcrossAComma()
    {
        var national = NationalThesaurus.Parse([("viec-lam", "# VIỆC LÀM\n[tìm việc làm | Trung tâm dịch vụ việc làm]\nxin việc làm\n")]);
        var question = VietnameseText.NormalizeQuestion("nộp hồ sơ xin việc, làm ở phường được không");

        Assert.Equal("nộp hồ sơ xin việc, làm ở phường được không", question);
        Assert.Empty(national.Topics.Find(question.Replace(",", "").Split(' '), plain: false, clauseStarts: new HashSet<int> { 5 }));
        Assert.Single(national.Topics.Find(question.Replace(",", "").Split(' '), plain: false));
    }
}
