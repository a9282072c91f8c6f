namespace ReformBot.Core.Escalation;

/// <summary>How a staff reply may go out on the citizen's channel, given the time since the citizen's last message.</summary>
public abstract record ReplyWindow
{
    public sealed record Open(string? Tag) : ReplyWindow;
    public sealed record Closed(string Reason) : ReplyWindow;

    public const string HumanAgent = "HUMAN_AGENT";

    /// <summary>
    /// Messenger: a normal reply within 24 h; after that, up to 7 days, only with the HUMAN_AGENT tag and only if the page
    /// has that permission. Zalo: consultation messages up to 7 days after the citizen's last interaction (free for 48 h).
    /// </summary>
    public static ReplyWindow For(string channel, TimeSpan sinceCitizen, bool facebookHumanAgent) => channel switch
    {
        "facebook" when sinceCitizen <= TimeSpan.FromHours(24) => new Open(null),
        "facebook" when sinceCitizen <= TimeSpan.FromDays(7) && facebookHumanAgent => new Open(HumanAgent),
        "facebook" when sinceCitizen <= TimeSpan.FromDays(7) =>
            new Closed("Đã quá 24 giờ kể từ tin nhắn cuối của người dân và Trang chưa được cấp quyền Human Agent (ReformBot:Facebook:HumanAgentTag)."),
        "facebook" => new Closed("Messenger không cho phép trả lời sau 7 ngày kể từ tin nhắn cuối của người dân."),
        "zalo" when sinceCitizen <= TimeSpan.FromDays(7) => new Open(null),
        "zalo" => new Closed("Zalo không cho gửi tin tư vấn khi người dân không tương tác với OA trong 7 ngày (lỗi -230)."),
        _ => new Open(null),
    };
}
