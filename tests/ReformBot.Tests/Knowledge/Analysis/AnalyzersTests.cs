using System.Text;
using ReformBot.Core.Knowledge.Analysis;
using Xunit;

namespace ReformBot.Tests.Knowledge.Analysis;

public sealed class AnalyzersTests
{
    [Fact]
    public void FoldedMatchesTextTypedWithoutDiacritics()
    {
        var accented = Analyzers.Folded().Terms("Đăng ký kết hôn");
        var plain = Analyzers.Folded().Terms("dang ky ket hon");

        Assert.Equal(["dang", "ki", "ket", "hon"], accented);
        Assert.Equal(accented, plain);
    }

    [Fact]
    public void FoldedGivesSameTokensForNfcAndNfdAfterNormalize()
    {
        const string text = "Giấy phép xây dựng nhà ở riêng lẻ";
        var nfc = Analyzers.Folded().Terms(VietnameseText.Normalize(text.Normalize(NormalizationForm.FormC)));
        var nfd = Analyzers.Folded().Terms(VietnameseText.Normalize(text.Normalize(NormalizationForm.FormD)));

        Assert.Equal(["giay", "phep", "xay", "dung", "nha", "o", "rieng", "le"], nfc);
        Assert.Equal(nfc, nfd);
    }

    [Theory]
    [InlineData("kí", "ký")]
    [InlineData("lí lịch", "lý lịch")]
    [InlineData("công ti", "công ty")]
    public void FoldedTreatsIAndYAfterConsonantAsOneSyllable(string withI, string withY)
    {
        Assert.Equal(Analyzers.Folded().Terms(withI), Analyzers.Folded().Terms(withY));
    }

    [Fact]
    public void FoldedSpellsKiWithI()
    {
        Assert.Equal(["ki"], Analyzers.Folded().Terms("kí"));
        Assert.Equal(["ki"], Analyzers.Folded().Terms("ký"));
    }

    [Fact]
    public void FoldedKeepsYInOtherSyllables()
    {
        Assert.Equal(["giay", "xay", "quy", "y", "te"], Analyzers.Folded().Terms("giấy xây quy y tế"));
    }

    [Fact]
    public void FoldedBigramsJoinAdjacentFoldedSyllables()
    {
        var bigrams = Analyzers.FoldedBigrams().Terms("giấy phép xây dựng");

        Assert.Equal(["giay_phep", "phep_xay", "xay_dung"], bigrams);
    }

    [Fact]
    public void AccentedKeepsDiacritics()
    {
        var terms = Analyzers.Accented().Terms("Giấy Phép Xây Dựng");

        Assert.Equal(["giấy", "phép", "xây", "dựng"], terms);
    }

    [Fact]
    public void KeepsShortWordsSinceThereIsNoStopWordRemoval()
    {
        Assert.Equal(["cap", "lai", "giay", "phep"], Analyzers.Folded().Terms("cấp lại giấy phép"));
        Assert.Contains("lại", Analyzers.Accented().Terms("cấp lại giấy phép"));
        Assert.Equal(["cap_lai", "lai_giay", "giay_phep"], Analyzers.FoldedBigrams().Terms("cấp lại giấy phép"));
        Assert.Equal(["a", "the", "is", "of"], Analyzers.Folded().Terms("a the is of"));
    }
}
