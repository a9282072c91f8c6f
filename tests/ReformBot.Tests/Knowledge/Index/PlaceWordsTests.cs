using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Index;

namespace ReformBot.Tests.Knowledge.Index;

public sealed class PlaceWordsTests
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
}
