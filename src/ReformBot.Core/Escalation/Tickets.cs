using ReformBot.Core.Answering;
using ReformBot.Core.Conversations;
using ReformBot.Core.Storage;

namespace ReformBot.Core.Escalation;

/// <summary>
/// The escalation queue in LiteDB. The turn calls the citizen-side methods inside its own transaction; the staff-side
/// methods (claim, reply, close…) are each one transaction, and every one of them is recorded on the ticket.
/// </summary>
public sealed class Tickets(BotDatabase db, EscalationOptions options, TimeProvider time)
{
    public const string BotName = "bot";
    public const string CitizenName = "người dân";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Ticket? Find(string number) => db.Tickets.FindOne(t => t.Number == number);

    public IReadOnlyList<Ticket> List(TicketStatus? status = null) =>
        (status is { } s ? db.Tickets.Find(t => t.Status == s) : db.Tickets.FindAll()).OrderByDescending(t => t.Id).ToList();

    /// <summary>
    /// Asked on every turn, so the predicate is a parameter: LiteDB compiles an expression once per distinct text, and
    /// Query.EQ would write each user id into the text.
    /// </summary>
    public Ticket? ActiveFor(string channel, string userId) =>
        db.Tickets.Find(LiteDB.BsonExpression.Create("$.UserId = @0", userId))
            .Where(t => t.Channel == channel && t.Status != TicketStatus.Closed).MaxBy(t => t.Id);

    /// <summary>
    /// A question the bot did not answer: added to the citizen's active ticket (reopening it if answered), or a new ticket.
    /// A new or reopened ticket is due <see cref="EscalationOptions.AnswerWithinWorkingHours"/> of <paramref name="hours"/> later.
    /// </summary>
    public (Ticket Ticket, bool IsNew) Escalate(OfficeHours hours, string channel, string userId, string question, IEnumerable<Candidate> candidates)
    {
        var now = Now;
        var ticket = ActiveFor(channel, userId);
        var isNew = ticket is null;
        if (ticket is null)
        {
            var local = OfficeHours.ToLocal(now);
            ticket = new Ticket
            {
                Number = $"HC-{local.Year}-{db.Next($"ticket-{local.Year}"):000000}",
                Channel = channel, UserId = userId, UserRef = $"{channel} {Mask.Id(userId)}", Question = question,
                CreatedAt = now, DueAt = hours.AddWorkingHours(now, options.AnswerWithinWorkingHours), Status = TicketStatus.Open,
            };
        }
        else if (ticket.Status == TicketStatus.Answered)
        {
            ticket.Status = TicketStatus.Open;
            ticket.DueAt = hours.AddWorkingHours(now, options.AnswerWithinWorkingHours);
            Record(ticket, CitizenName, "hỏi tiếp: phiếu mở lại");
        }
        foreach (var c in candidates.Where(c => ticket.Candidates.All(k => k.Id != c.Id)))
            ticket.Candidates.Add(new TicketCandidate { Id = c.Id, Title = c.Entry.Title, Confidence = Math.Round(c.Confidence, 2) });
        AddCitizenMessage(ticket, question, now);
        if (isNew) Record(ticket, BotName, "mở phiếu");
        Save(ticket, isNew);
        return (ticket, isNew);
    }

    /// <summary>The bot answered a question while the citizen has a ticket: kept on the ticket so staff see the whole conversation.</summary>
    public void NoteAnswered(Ticket ticket, string question, string reply)
    {
        AddCitizenMessage(ticket, question, Now);
        ticket.Messages.Add(new TicketMessage { At = Now, From = TicketAuthor.Bot, Text = reply });
        Save(ticket, false);
    }

    /// <summary>Staff own the conversation: the citizen's message goes to the ticket and the bot stays quiet.</summary>
    public void AppendWhileClaimed(Ticket ticket, string text)
    {
        AddCitizenMessage(ticket, text, Now);
        Save(ticket, false);
    }

    public void CitizenLeft(Ticket ticket)
    {
        ticket.Status = TicketStatus.Open;
        ticket.Assignee = null;
        Record(ticket, CitizenName, "quay lại trò chuyện với bot");
        Save(ticket, false);
    }

    public Ticket? Claim(string number, string staff) => Change(number, staff, t =>
    {
        t.Status = TicketStatus.Claimed;
        t.Assignee = staff;
        return "nhận xử lý";
    });

    public Ticket? Release(string number, string staff) => Change(number, staff, t =>
    {
        t.Status = TicketStatus.Open;
        t.Assignee = null;
        return "trả lại hàng chờ";
    });

    public Ticket? Close(string number, string staff) => Change(number, staff, t =>
    {
        t.Status = TicketStatus.Closed;
        return "đóng phiếu";
    });

    public abstract record ReplyResult
    {
        public sealed record Queued(Ticket Ticket, OutboxItem Reply) : ReplyResult;
        public sealed record Refused(string Reason) : ReplyResult;
    }

    /// <summary>Queues a staff reply in the outbox (same senders as the bot), within the channel's reply window.</summary>
    public ReplyResult Reply(string number, string staff, string text, bool facebookHumanAgent) => db.InTransaction<ReplyResult>(() =>
    {
        if (Find(number) is not { } ticket) return new ReplyResult.Refused($"Không có phiếu {number}.");
        if (string.IsNullOrWhiteSpace(text)) return new ReplyResult.Refused("Nội dung trả lời trống.");
        var window = ReplyWindow.For(ticket.Channel, Now - ticket.LastCitizenMessageAt, facebookHumanAgent);
        if (window is ReplyWindow.Closed closed)
        {
            ticket.DeliveryError = closed.Reason;
            Record(ticket, staff, "trả lời không gửi được: " + closed.Reason);
            Save(ticket, false);
            return new ReplyResult.Refused(closed.Reason);
        }
        var reply = OutboxItem.For(ticket.Channel, ticket.UserId, Conversations.Reply.Plain(VietnameseText(text)), Now);
        reply.TicketNumber = ticket.Number;
        reply.Tag = ((ReplyWindow.Open)window).Tag;
        db.Outbox.Insert(reply);
        ticket.Messages.Add(new TicketMessage { At = Now, From = TicketAuthor.Staff, Staff = staff, Text = reply.Text });
        ticket.Status = TicketStatus.Answered;
        ticket.Assignee ??= staff;
        ticket.DeliveryError = null;
        Record(ticket, staff, reply.Tag is null ? "trả lời" : $"trả lời (thẻ {reply.Tag})");
        Save(ticket, false);
        return new ReplyResult.Queued(ticket, reply);
    });

    /// <summary>The sender gave up on a staff reply: the ticket shows why and is open again.</summary>
    public void DeliveryFailed(OutboxItem reply, string error)
    {
        if (reply.TicketNumber is null || Find(reply.TicketNumber) is not { } ticket) return;
        ticket.DeliveryError = error;
        if (ticket.Status == TicketStatus.Answered) ticket.Status = TicketStatus.Open;
        Record(ticket, BotName, "không gửi được trả lời: " + error);
        Save(ticket, false);
    }

    /// <summary>Records an action that changes nothing else on the ticket (e.g. an FAQ saved from it).</summary>
    public Ticket? Record(string number, string staff, string what) => Change(number, staff, _ => what);

    private Ticket? Change(string number, string staff, Func<Ticket, string> change) => db.InTransaction(() =>
    {
        if (Find(number) is not { } ticket) return null;
        Record(ticket, staff, change(ticket));
        Save(ticket, false);
        return ticket;
    });

    public const string RemovedText = "[đã xóa theo thời hạn lưu trữ]";

    /// <summary>
    /// Closed tickets quiet since before <paramref name="cutoff"/> lose what identifies the citizen and what they wrote
    /// (the user id, the question, every message's text); the number, channel, times, assignee, candidates and the
    /// action log stay for the agency's statistics. Returns how many tickets were cleared.
    /// </summary>
    public int RemoveConversationText(DateTime cutoff)
    {
        var old = db.Tickets.Find(t => t.Status == TicketStatus.Closed && t.TextRemovedAt == null)
            .Where(t => t.Messages.Select(m => m.At).Append(t.CreatedAt).Max() < cutoff)
            .ToList();
        foreach (var ticket in old)
        {
            ticket.UserId = "";
            ticket.TextRemovedAt = Now;
            ticket.Question = RemovedText;
            foreach (var message in ticket.Messages) message.Text = RemovedText;
            Record(ticket, BotName, "xóa nội dung hội thoại theo thời hạn lưu trữ");
            db.Tickets.Update(ticket);
        }
        return old.Count;
    }

    private static string VietnameseText(string text) => text.Trim().Normalize(System.Text.NormalizationForm.FormC);

    private void AddCitizenMessage(Ticket ticket, string text, DateTime now)
    {
        ticket.Messages.Add(new TicketMessage { At = now, From = TicketAuthor.Citizen, Text = text });
        ticket.LastCitizenMessageAt = now;
    }

    private void Record(Ticket ticket, string who, string what) => ticket.Actions.Add(new TicketAction { At = Now, Who = who, What = what });

    private void Save(Ticket ticket, bool isNew)
    {
        if (isNew) db.Tickets.Insert(ticket);
        else db.Tickets.Update(ticket);
    }
}
