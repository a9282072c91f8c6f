using LiteDB;
using ReformBot.Core.Escalation;

namespace ReformBot.Core.Storage;

/// <summary>
/// Files written before tickets had typed events kept each action as free text ("Who", "What"). Read once, at start-up,
/// into kind, actor and text, with the closing and first-reply times the reports need; the file then says version 1.
/// </summary>
internal static class TicketLogMigration
{
    public const int Version = 1;

    private static readonly (string Prefix, TicketEvent Kind)[] Texts =
    [
        ("trả lời không gửi được: ", TicketEvent.ReplyRefused),
        ("không gửi được trả lời: ", TicketEvent.DeliveryFailed),
        ("lưu thành câu hỏi thường gặp ", TicketEvent.SavedAsFaq),
        ("thêm cách hỏi vào mục ", TicketEvent.SavedAsFaq),
        ("hỏi tiếp: phiếu mở lại", TicketEvent.Reopened),
        ("quay lại trò chuyện với bot", TicketEvent.CitizenLeft),
        ("xóa nội dung hội thoại", TicketEvent.TextRemoved),
        ("trả lại hàng chờ", TicketEvent.Released),
        ("nhận xử lý", TicketEvent.Claimed),
        ("đóng phiếu", TicketEvent.Closed),
        ("mở phiếu", TicketEvent.Opened),
        ("trả lời", TicketEvent.Replied),
    ];

    public static void Run(LiteDatabase db)
    {
        if (db.UserVersion >= Version) return;
        var tickets = db.GetCollection("tickets");
        db.BeginTrans();
        foreach (var ticket in tickets.FindAll().ToList())
        {
            var actions = ticket["Actions"].IsArray ? ticket["Actions"].AsArray : [];
            foreach (var action in actions.Where(a => a.IsDocument && a.AsDocument.ContainsKey("What")).Select(a => a.AsDocument))
            {
                var (kind, text) = Read(action["What"].AsString);
                action["Kind"] = kind.ToString();
                action["Actor"] = action["Who"];
                action["Text"] = text is null ? BsonValue.Null : text;
                action.Remove("Who");
                action.Remove("What");
            }
            if (ticket["Status"] == TicketStatus.Closed.ToString() && actions.LastOrDefault(a => a["Kind"] == nameof(TicketEvent.Closed)) is { } closed)
                ticket["ClosedAt"] = closed["At"];
            if (ticket["Messages"].IsArray && ticket["Messages"].AsArray.FirstOrDefault(m => m["From"] == nameof(TicketAuthor.Staff)) is { } reply)
                ticket["FirstStaffReplyAt"] = reply["At"];
            tickets.Update(ticket);
        }
        db.Commit();
        // After the commit: LiteDB refuses pragmas inside a transaction, and running again changes nothing.
        db.UserVersion = Version;
    }

    private static (TicketEvent Kind, string? Text) Read(string what)
    {
        foreach (var (prefix, kind) in Texts.Where(t => what.StartsWith(t.Prefix, StringComparison.Ordinal)))
        {
            var rest = what[prefix.Length..].Trim(' ', '(', ')');
            return kind == TicketEvent.SavedAsFaq && prefix.StartsWith("thêm") ? (kind, what) : (kind, rest.Length > 0 ? rest : null);
        }
        return (TicketEvent.Noted, what);
    }
}
