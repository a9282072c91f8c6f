using System.Text;
using ReformBot.Core.Knowledge.Analysis;
using Xunit;

namespace ReformBot.Tests.Knowledge.Analysis;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Đăng ký kết hôn")]
    [InlineData("giấy phép xây dựng nhà ở riêng lẻ")]
    [InlineData("thủ tục cấp lại chứng chỉ hành nghề")]
    public void NfdInputGivesSameStringAsNfc(string text)
    {
        var nfc = text.Normalize(NormalizationForm.FormC);
        var nfd = text.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(nfc, nfd);

        var normalized = VietnameseText.Normalize(nfd);

        Assert.Equal(VietnameseText.Normalize(nfc), normalized);
        Assert.True(normalized.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("hoà", "hòa")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("thuỷ", "thủy")]
    [InlineData("thuý", "thúy")]
    [InlineData("uỷ ban", "ủy ban")]
    [InlineData("hoá đơn", "hóa đơn")]
    [InlineData("tuỳ theo", "tùy theo")]
    public void MapsNewStyleTonePlacementToOldStyle(string newStyle, string oldStyle)
    {
        Assert.Equal(oldStyle, VietnameseText.Normalize(newStyle));
        Assert.Equal(oldStyle, VietnameseText.Normalize(oldStyle));
    }

    [Theory]
    [InlineData("hoàn")]
    [InlineData("quý")]
    [InlineData("khuyến")]
    [InlineData("quỳ")]
    [InlineData("quà")]
    [InlineData("ngoại")]
    public void LeavesSyllablesSpeltTheSameInBothStylesUnchanged(string syllable)
    {
        Assert.Equal(syllable, VietnameseText.Normalize(syllable));
    }

    [Fact]
    public void NfdNewStyleToneIsCanonicalised()
    {
        Assert.Equal("hòa", VietnameseText.Normalize("hoà".Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("hạng III", "hạng 3")]
    [InlineData("Hạng II", "hạng 2")]
    [InlineData("cấp I", "cấp 1")]
    [InlineData("nhóm IV", "nhóm 4")]
    public void WritesRomanRanksAsDigits(string text, string expected)
    {
        Assert.Equal(expected, VietnameseText.Normalize(text));
    }

    [Fact]
    public void LowerCases()
    {
        Assert.Equal("sở xây dựng tỉnh đắk lắk", VietnameseText.Normalize("SỞ XÂY DỰNG Tỉnh Đắk Lắk"));
    }

    [Theory]
    [InlineData("ko", "không")]
    [InlineData("k", "không")]
    [InlineData("dc", "được")]
    [InlineData("đc", "được")]
    [InlineData("ntn", "như thế nào")]
    [InlineData("bn", "bao nhiêu")]
    public void ExpandsChatSpellingsOfWholeTokens(string chat, string expansion)
    {
        Assert.Equal(expansion, VietnameseText.NormalizeQuestion(chat));
    }

    [Fact]
    public void ExpandsChatSpellingsInsideASentence()
    {
        Assert.Equal("xin giấy phép không được không", VietnameseText.NormalizeQuestion("xin giấy phép ko dc k"));
        Assert.Equal("làm như thế nào mất bao nhiêu tiền",
            VietnameseText.NormalizeQuestion("làm ntn mất bn tiền"));
    }

    [Theory]
    [InlineData("ck r mà vẫn báo chưa thanh toán", "chuyển khoản rồi mà vẫn báo chưa thanh toán")]
    [InlineData("ck em là người hàn", "chồng em là người hàn")]
    [InlineData("vk ck mình muốn đăng ký kết hôn", "vợ chồng mình muốn đăng ký kết hôn")]
    [InlineData("e vs ny muốn cưới", "em với người yêu muốn cưới")]
    public void ReadsCkAsTransferOrHusbandByItsNeighbours(string chat, string expansion)
    {
        Assert.Equal(expansion, VietnameseText.NormalizeQuestion(chat));
    }

    [Fact]
    public void ExpandsAcronymKeepingTheAcronym()
    {
        var question = VietnameseText.NormalizeQuestion("thủ tục xin GPXD");

        Assert.Contains("giấy phép xây dựng", question);
        Assert.Contains("gpxd", question);
        Assert.StartsWith("thủ tục xin ", question);
    }

    [Theory]
    [InlineData("kho bạc")]
    [InlineData("dca")]
    [InlineData("kon tum")]
    [InlineData("ngân hàng")]
    public void LeavesTokensThatOnlyContainChatSpellingsUnchanged(string text)
    {
        Assert.Equal(text, VietnameseText.NormalizeQuestion(text));
    }

    [Fact]
    public void DropsParticles()
    {
        Assert.Equal("cho em hỏi thủ tục", VietnameseText.NormalizeQuestion("cho em hỏi thủ tục ạ"));
        Assert.Equal("gửi hồ sơ", VietnameseText.NormalizeQuestion("gửi hồ sơ nhé"));
    }
}
