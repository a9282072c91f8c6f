namespace ReformBot.Core.Knowledge.Analysis;

/// <summary>
/// Chat spellings and public-service acronyms, matched against whole tokens of a citizen's question only (never
/// inside words, never in pack text, where "k" or "v" would be ambiguous). Acronyms keep the original token as
/// well, so a pack that uses the acronym itself still matches.
/// </summary>
public static class ChatSpellings
{
    private static readonly Dictionary<string, string> Map = new(StringComparer.Ordinal)
    {
        // không, được, gì, rồi, vậy, với, biết, làm, bao nhiêu, như thế nào
        ["k"] = "không", ["ko"] = "không", ["kh"] = "không", ["kg"] = "không", ["hok"] = "không", ["hk"] = "không",
        ["hông"] = "không", ["khum"] = "không", ["k0"] = "không", ["hem"] = "không",
        ["dc"] = "được", ["đc"] = "được", ["dx"] = "được", ["đx"] = "được", ["dk"] = "đăng ký", ["đk"] = "đăng ký", ["đky"] = "đăng ký",
        ["j"] = "gì", ["gj"] = "gì", ["r"] = "rồi", ["rùi"] = "rồi", ["v"] = "vậy", ["z"] = "vậy", ["zậy"] = "vậy",
        ["vs"] = "với", ["bik"] = "biết", ["bit"] = "biết", ["bít"] = "biết", ["lm"] = "làm", ["ns"] = "nói",
        ["ntn"] = "như thế nào", ["bn"] = "bao nhiêu", ["bnh"] = "bao nhiêu", ["bnhiu"] = "bao nhiêu",
        ["mn"] = "mọi người", ["ng"] = "người", ["hnay"] = "hôm nay", ["ngta"] = "người ta", ["mik"] = "mình",
        ["mh"] = "mình", ["onl"] = "online", ["ol"] = "online", ["tr"] = "triệu", ["tp"] = "thành phố", ["tx"] = "thị xã",
        ["q"] = "quận", ["p"] = "phường", ["đt"] = "điện thoại", ["dt"] = "điện thoại", ["sdt"] = "số điện thoại",
        ["sđt"] = "số điện thoại", ["stk"] = "số tài khoản", ["hs"] = "hồ sơ", ["tk"] = "tài khoản",
        ["e"] = "em", ["vk"] = "vợ", ["ny"] = "người yêu", ["bme"] = "bố mẹ", ["hkd"] = "hkd hộ kinh doanh", ["dn"] = "doanh nghiệp",
        ["bđs"] = "bất động sản", ["bds"] = "bất động sản", ["xd"] = "xây dựng", ["gpkd"] = "giấy phép kinh doanh",
        ["ttpvhcc"] = "trung tâm phục vụ hành chính công",
        // public-service acronyms: keep the acronym, add its words
        ["gpxd"] = "gpxd giấy phép xây dựng", ["cccd"] = "cccd căn cước công dân", ["cmnd"] = "cmnd chứng minh nhân dân",
        ["cmt"] = "cmnd chứng minh nhân dân", ["ubnd"] = "ubnd ủy ban nhân dân", ["hđnd"] = "hđnd hội đồng nhân dân",
        ["hdnd"] = "hđnd hội đồng nhân dân", ["dvc"] = "dvc dịch vụ công", ["dvctt"] = "dvctt dịch vụ công trực tuyến",
        ["pakn"] = "pakn phản ánh kiến nghị", ["bhxh"] = "bhxh bảo hiểm xã hội", ["bhyt"] = "bhyt bảo hiểm y tế",
        ["gplx"] = "gplx giấy phép lái xe", ["gcn"] = "gcn giấy chứng nhận", ["qsdđ"] = "qsdđ quyền sử dụng đất",
        ["qsdd"] = "qsdđ quyền sử dụng đất", ["đkkd"] = "đkkd đăng ký kinh doanh", ["dkkd"] = "đkkd đăng ký kinh doanh",
        ["mst"] = "mst mã số thuế", ["tthc"] = "tthc thủ tục hành chính", ["cchc"] = "cchc cải cách hành chính",
        ["noxh"] = "noxh nhà ở xã hội", ["cchn"] = "cchn chứng chỉ hành nghề", ["ccnl"] = "ccnl chứng chỉ năng lực",
    };

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "ạ", "à", "ơi", "nhé", "nhe", "nhá", "nhỉ", "hả", "hử", "dạ", "vậy", "ad", "admin", "ah", "ak", "ạk", "ợ",
    };

    // Typed without diacritics these are also words ("xay nha", "ha tang"): particles only at the end of a message.
    private static readonly HashSet<string> FinalParticles = new(StringComparer.Ordinal) { "nha", "ha" };

    // "ck" is chuyển khoản when paying, chồng next to a spouse or a pronoun ("vk ck", "ck em", "ck sắp cưới").
    private static readonly HashSet<string> SpouseNeighbours = new(StringComparer.Ordinal)
    {
        "vk", "vợ", "và", "em", "tôi", "tui", "mình", "chị", "của", "sắp", "cũ", "cưới",
    };

    public static string Expand(string token) => Map.TryGetValue(token, out var expansion) ? expansion : token;

    /// <summary>A token read with its neighbours, for the one spelling whose meaning depends on them.</summary>
    public static string Expand(string? previous, string token, string? next) =>
        token == "ck"
            ? previous is not null && SpouseNeighbours.Contains(previous) || next is not null && SpouseNeighbours.Contains(next) ? "chồng" : "chuyển khoản"
            : Expand(token);

    public static bool IsParticle(string token, bool last) => Particles.Contains(token) || last && FinalParticles.Contains(token);
}
