using ReformBot.Core.Knowledge.Analysis;

namespace ReformBot.Core.Answering;

/// <summary>A part of a procedure a citizen may ask about on its own.</summary>
public enum Facet { Documents, Fee, Time, Where, Online, Steps, Result }

/// <summary>Which parts of a procedure a question asks for ("lệ phí bao nhiêu", "mất mấy ngày", "nộp ở đâu"), in the order asked.</summary>
public static class Facets
{
    private static readonly PhraseIndex<Facet> Phrases = Build(new()
    {
        [Facet.Documents] = ["giấy tờ gì", "giấy tờ nào", "những giấy tờ", "cần giấy", "mang giấy", "hồ sơ gì", "hồ sơ gồm", "hồ sơ cần",
            "thành phần hồ sơ", "cần những gì", "cần gì", "cần mang", "mang theo", "mang gì", "chuẩn bị gì", "chuẩn bị những gì", "cần chuẩn bị"],
        [Facet.Fee] = ["lệ phí", "phí bao nhiêu", "mất phí", "tốn phí", "thu phí", "có phí", "miễn phí", "bao nhiêu tiền", "tốn bao nhiêu",
            "hết bao nhiêu tiền", "mất tiền", "tốn tiền", "đóng tiền", "nộp tiền", "thu tiền"],
        [Facet.Time] = ["bao lâu", "mấy ngày", "bao nhiêu ngày", "mấy hôm", "khi nào có", "khi nào xong", "bao giờ có", "bao giờ xong",
            "bao giờ thì có", "thời hạn giải quyết", "trong ngày", "mất mấy"],
        [Facet.Where] = ["ở đâu", "nộp đâu", "làm đâu", "đi đâu", "lên đâu", "ra đâu", "đến đâu", "nơi nộp", "chỗ nào", "cơ quan nào"],
        [Facet.Online] = ["online", "trực tuyến", "trên mạng", "qua mạng", "qua internet", "không phải đến", "không cần đến", "không phải đi", "tại nhà"],
        [Facet.Steps] = ["các bước", "những bước", "trình tự", "quy trình", "làm thế nào", "làm như thế nào", "làm sao", "làm như nào", "cách làm"],
        [Facet.Result] = ["nhận được gì", "được cấp gì", "kết quả là gì", "được giấy gì", "nhận được giấy gì"],
    });

    public static IReadOnlyList<Facet> Asked(TypedQuestion question) => question.Find(Phrases).SelectMany(h => h.Values).Distinct().ToList();

    private static PhraseIndex<Facet> Build(Dictionary<Facet, string[]> phrases)
    {
        var index = new PhraseIndex<Facet>();
        foreach (var (facet, list) in phrases)
            foreach (var phrase in list) index.Add(VietnameseText.Normalize(phrase).Split(' '), facet);
        return index;
    }
}
