using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Analysis;
using ReformBot.Core.Knowledge.Index;

namespace ReformBot.Tests.Knowledge.Index;

public sealed class AgencyNameTests
{
    private static FaqEntry Faq(string id, string question, string answer) => new(id, $"faq/{id}.json", [question], answer, [], []);

    private static KnowledgePack Ward(string? name) => new("ward", [],
    [
        Faq("dia-chi", "Địa chỉ ở đâu?", "Số 1 đường Mẫu."),
        Faq("giay-khen", "Giấy khen của Chủ tịch phường Hòa Khánh", "Tổ dân phố đề nghị."),
        Faq("gio-lam-viec", "Giờ làm việc thế nào?", "Sáng thứ Hai đến thứ Sáu."),
        Faq("le-phi", "Lệ phí nộp thế nào?", "Nộp trực tuyến."),
        Faq("tra-cuu", "Tra cứu hồ sơ thế nào?", "Dùng mã hồ sơ."),
        Faq("bao-mat", "Thông tin có được bảo mật không?", "Có."),
    ], null, name is null ? null : new Office(name, null, null, null, null));

    [Fact]
    public void TheAgencysOwnPlaceNameDoesNotOutweighWhatIsAsked()
    {
        const string question = "cho hỏi địa chỉ phường Hòa Khánh";
        using var plain = KnowledgeIndex.Build(Ward(null));
        using var named = KnowledgeIndex.Build(Ward("Ủy ban nhân dân phường Hòa Khánh, thành phố Đà Nẵng"));

        Assert.NotEqual("dia-chi", plain.Search(question).Matches[0].Entry.Id);
        Assert.Equal("dia-chi", named.Search(question).Matches[0].Entry.Id);
    }

    [Theory]
    [InlineData("Sở Xây dựng tỉnh Đắk Lắk", "so xay dung dak lak co tuyen dung khong", "so xay dak lak", "so_xay xay_dung dung_dak dak_lak")]
    [InlineData("Sở Xây dựng tỉnh Đắk Lắk", "giay phep xay dung nha o", "", "")]
    [InlineData("Ủy ban nhân dân phường Hòa Khánh, thành phố Đà Nẵng", "ubnd uy ban nhan dan phuong hoa khanh o dau", "ubnd uy ban nhan dan phuong hoa khanh", "ubnd_uy uy_ban ban_nhan nhan_dan dan_phuong phuong_hoa hoa_khanh")]
    public void MarksOnlyWholeRunsOfTheAgencysName(string name, string question, string terms, string bigrams)
    {
        using var folded = Analyzers.Folded();
        var addressing = new AgencyName(name, folded).In(question.Split(' '));

        Assert.Equal(terms.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(), addressing.Terms.Order());
        Assert.Equal(bigrams.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(), addressing.Bigrams.Order());
    }
}
