namespace ReformBot.Core.Escalation;

public enum TicketStatus { Open, Claimed, Answered, Closed }

/// <summary>
/// A question the bot handed to staff (phiếu). The user id is kept to reply on the citizen's channel and is never shown:
/// pages and the API show <see cref="UserRef"/>.
/// </summary>
public sealed class Ticket
{
    /// <summary>The store's key, given when the ticket is first stored.</summary>
    public long Id { get; set; }
    /// <summary>"HC-2026-000123": readable on a phone, quoted by the citizen on the hotline.</summary>
    public string Number { get; set; } = "";
    public string Channel { get; set; } = "";
    public string UserId { get; set; } = "";
    public string UserRef { get; set; } = "";
    public string Question { get; set; } = "";
    /// <summary>The field (lĩnh vực) of the procedure or matter asked about, when known: for the reports.</summary>
    public string? Field { get; set; }
    public List<TicketMessage> Messages { get; set; } = [];
    public List<TicketCandidate> Candidates { get; set; } = [];
    public List<TicketAction> Actions { get; set; } = [];
    public TicketStatus Status { get; set; }
    public string? Assignee { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime LastCitizenMessageAt { get; set; }
    /// <summary>Why the last staff reply could not be delivered (the platform's error), until one is.</summary>
    public string? DeliveryError { get; set; }
    /// <summary>The notification webhook was told of this ticket, and of it being overdue.</summary>
    public bool NotifiedNew { get; set; }
    public bool NotifiedOverdue { get; set; }
    /// <summary>When retention removed the citizen's id and text (the ticket stays for the statistics).</summary>
    public DateTime? TextRemovedAt { get; set; }
    public DateTime? FirstStaffReplyAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>The citizen asked to add a comment to their rating: their next message is that comment.</summary>
    public DateTime? CommentInvitedAt { get; set; }
    /// <summary>Raised by every write: a change made from an older copy is refused and made again (see Tickets).</summary>
    public int Version { get; set; }

    public bool IsActive => Status != TicketStatus.Closed;
}

public enum TicketAuthor { Citizen, Bot, Staff }

public sealed class TicketMessage
{
    public DateTime At { get; set; }
    public TicketAuthor From { get; set; }
    public string? Staff { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>An entry the bot considered, so staff can answer with it in one click.</summary>
public sealed class TicketCandidate
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public double Confidence { get; set; }
}

/// <summary>What happened to a ticket.</summary>
public enum TicketEvent
{
    Opened, Reopened, CitizenLeft, Claimed, Released, Replied, ReplyRefused, DeliveryFailed, Closed, ReopenedByStaff,
    SavedAsFaq, TextRemoved, Rated, Commented,
    /// <summary>Free text kept from a file written before events were typed.</summary>
    Noted,
}

/// <summary>Who did what, when: every staff action, and the citizen's and the bot's, shown on the ticket.</summary>
public sealed class TicketAction
{
    public DateTime At { get; set; }
    public TicketEvent Kind { get; set; }
    public string Actor { get; set; } = "";
    /// <summary>What the event needs said besides its kind: a reason, a tag, an FAQ entry.</summary>
    public string? Text { get; set; }

    /// <summary>The event as staff read it in the console.</summary>
    public string Describe()
    {
        var what = Kind switch
        {
            TicketEvent.Opened => "mở phiếu",
            TicketEvent.Reopened => "hỏi tiếp: phiếu mở lại",
            TicketEvent.CitizenLeft => "quay lại trò chuyện với bot",
            TicketEvent.Claimed => "nhận xử lý",
            TicketEvent.Released => "trả lại hàng chờ",
            TicketEvent.Replied => "trả lời",
            TicketEvent.ReplyRefused => "trả lời không gửi được",
            TicketEvent.DeliveryFailed => "không gửi được trả lời",
            TicketEvent.Closed => "đóng phiếu",
            TicketEvent.ReopenedByStaff => "mở lại phiếu",
            TicketEvent.SavedAsFaq => "lưu thành câu hỏi thường gặp",
            TicketEvent.TextRemoved => "xóa nội dung hội thoại theo thời hạn lưu trữ",
            TicketEvent.Rated => "người dân đánh giá",
            TicketEvent.Commented => "người dân góp ý",
            TicketEvent.Noted => "ghi chú",
            _ => Kind.ToString(),
        };
        return Text is { Length: > 0 } ? $"{what}: {Text}" : what;
    }
}
