using ReformBot.Core.Answering;
using ReformBot.Core.Conversations;
using ReformBot.Core.Storage;

namespace ReformBot.Core.Escalation;

/// <summary>
/// The escalation queue. Every change to a ticket goes through <see cref="Apply"/> (read, change, write if
/// nobody wrote meanwhile), with its status transitions checked and an event in its log. The turn calls the
/// citizen-side methods inside its own transaction; the staff-side methods (claim, reply, close…) are each one.
/// </summary>
public sealed class Tickets(TicketStore store, Outbox outbox, EscalationOptions options, TimeProvider time)
{
    public const string BotName = "bot";
    public const string CitizenName = "người dân";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Ticket? Find(string number) => store.Find(number);

    public IReadOnlyList<Ticket> List(TicketStatus? status = null) => store.List(status);

    public Ticket? ActiveFor(string channel, string userId) => store.ActiveFor(channel, userId);

    /// <summary>
    /// A question the bot did not answer: added to the citizen's active ticket (reopening it if answered), or a new ticket.
    /// A new or reopened ticket is due <see cref="EscalationOptions.AnswerWithinWorkingHours"/> of <paramref name="hours"/> later.
    /// Called inside the turn's transaction.
    /// </summary>
    public (Ticket Ticket, bool IsNew) Escalate(OfficeHours hours, string channel, string userId, string question, IEnumerable<Candidate> candidates,
        string? field = null)
    {
        var now = Now;
        var considered = candidates.ToList();
        if (ActiveFor(channel, userId) is { } active)
        {
            var changed = Apply(active.Number, t =>
            {
                if (t.Status == TicketStatus.Answered)
                {
                    t.Status = TicketStatus.Open;
                    t.DueAt = hours.AddWorkingHours(now, options.AnswerWithinWorkingHours);
                    Record(t, CitizenName, TicketEvent.Reopened);
                }
                AddCandidates(t, considered);
                AddCitizenMessage(t, question, now);
                t.Field ??= field;
                return null;
            });
            if (changed is Change.Done done) return (done.Ticket, false);
        }
        var local = OfficeHours.ToLocal(now);
        var ticket = new Ticket
        {
            Number = $"HC-{local.Year}-{store.NextNumber(local.Year):000000}",
            Channel = channel, UserId = userId, UserRef = $"{channel} {Mask.Id(userId)}", Question = question, Field = field,
            CreatedAt = now, DueAt = hours.AddWorkingHours(now, options.AnswerWithinWorkingHours), Status = TicketStatus.Open,
        };
        AddCandidates(ticket, considered);
        AddCitizenMessage(ticket, question, now);
        Record(ticket, BotName, TicketEvent.Opened);
        store.Add(ticket);
        return (ticket, true);
    }

    /// <summary>The bot answered a question while the citizen has a ticket: kept on the ticket so staff see the whole conversation.</summary>
    public void NoteAnswered(Ticket ticket, string question, string reply) => Apply(ticket.Number, t =>
    {
        AddCitizenMessage(t, question, Now);
        t.Messages.Add(new TicketMessage { At = Now, From = TicketAuthor.Bot, Text = reply });
        return null;
    });

    /// <summary>Staff own the conversation: the citizen's message goes to the ticket and the bot stays quiet.</summary>
    public void AppendWhileClaimed(Ticket ticket, string text) => Apply(ticket.Number, t =>
    {
        AddCitizenMessage(t, text, Now);
        return null;
    });

    public void CitizenLeft(Ticket ticket) => Apply(ticket.Number, t =>
    {
        if (t.Status != TicketStatus.Claimed) return null;
        t.Status = TicketStatus.Open;
        t.Assignee = null;
        Record(t, CitizenName, TicketEvent.CitizenLeft);
        return null;
    });

    /// <summary>The outcome of a change staff (or the sender) asked for.</summary>
    public abstract record Change
    {
        public sealed record Done(Ticket Ticket) : Change;
        public sealed record Refused(string Reason) : Change;
        public sealed record NotFound : Change;
    }

    public Change Claim(string number, string staff) => ApplyAlone(number, t => t switch
    {
        { Status: TicketStatus.Closed } => "Phiếu đã đóng; mở lại phiếu trước khi nhận xử lý.",
        { Status: TicketStatus.Claimed } when t.Assignee != staff => $"Phiếu đang do {t.Assignee} xử lý.",
        { Status: TicketStatus.Claimed } => null,
        _ => Transition(t, TicketStatus.Claimed, staff, TicketEvent.Claimed, assignee: staff),
    });

    public Change Release(string number, string staff) => ApplyAlone(number, t => t.Status == TicketStatus.Claimed
        ? Transition(t, TicketStatus.Open, staff, TicketEvent.Released, assignee: null)
        : "Phiếu chưa có ai nhận xử lý.");

    /// <summary>
    /// Closes the ticket and, while the channel lets the agency write to the citizen without a tag, asks them in the same
    /// transaction to rate how it was handled, on the SIPAS 5-point scale.
    /// </summary>
    public Change Close(string number, string staff) => store.InTransaction(() =>
    {
        var change = Apply(number, t =>
        {
            if (t.Status == TicketStatus.Closed) return "Phiếu đã đóng.";
            t.ClosedAt = Now;
            return Transition(t, TicketStatus.Closed, staff, TicketEvent.Closed, t.Assignee);
        });
        if (change is Change.Done { Ticket: var closed } && ReplyWindow.For(closed.Channel, Now - closed.LastCitizenMessageAt, false) is ReplyWindow.Open)
            outbox.Add(OutboxItem.For(closed.Channel, closed.UserId, RatingQuestion(closed.Number), Now));
        return change;
    });

    public static Reply RatingQuestion(string number) => new(
        $"Phiếu {number} của bạn đã được giải quyết xong. Bạn hài lòng thế nào với việc cán bộ trả lời câu hỏi của bạn?",
        Tap.Scale.Select(s => new ReplyChoice(s.Label, new Tap.TicketRating(number, s.Score).Payload)).ToList());

    public Change Reopen(string number, string staff) => ApplyAlone(number, t =>
    {
        if (t.Status != TicketStatus.Closed) return "Phiếu chưa đóng.";
        t.ClosedAt = null;
        return Transition(t, TicketStatus.Open, staff, TicketEvent.ReopenedByStaff, t.Assignee);
    });

    /// <summary>How long after "Góp ý thêm" the citizen's next message is taken as their comment.</summary>
    public static readonly TimeSpan CommentWindow = TimeSpan.FromMinutes(30);

    /// <summary>The citizen rated their closed ticket; <paramref name="inviteComment"/> when they want to add a comment.</summary>
    public void Rated(Ticket ticket, int? score, bool inviteComment) => Apply(ticket.Number, t =>
    {
        if (score is { } s) Record(t, CitizenName, TicketEvent.Rated, $"{s}/5");
        if (inviteComment) t.CommentInvitedAt = Now;
        return null;
    });

    public Ticket? AwaitingComment(string channel, string userId) => store.AwaitingComment(channel, userId, Now - CommentWindow);

    /// <summary>The comment is kept with the conversation (and removed with it by retention), not with the rating.</summary>
    public void Commented(Ticket ticket, string text) => Apply(ticket.Number, t =>
    {
        t.CommentInvitedAt = null;
        AddCitizenMessage(t, text, Now);
        Record(t, CitizenName, TicketEvent.Commented);
        return null;
    });

    /// <summary>Records an action that changes nothing else on the ticket (an FAQ saved from it).</summary>
    public Change SavedAsFaq(string number, string staff, string entry) => ApplyAlone(number, t =>
    {
        Record(t, staff, TicketEvent.SavedAsFaq, entry);
        return null;
    });

    public abstract record ReplyResult
    {
        public sealed record Queued(Ticket Ticket, OutboxItem Reply) : ReplyResult;
        public sealed record Refused(string Reason) : ReplyResult;
    }

    /// <summary>Queues a staff reply in the outbox (same senders as the bot), within the channel's reply window.</summary>
    public ReplyResult Reply(string number, string staff, string text, bool facebookHumanAgent) => store.InTransaction<ReplyResult>(() =>
    {
        if (string.IsNullOrWhiteSpace(text)) return new ReplyResult.Refused("Nội dung trả lời trống.");
        OutboxItem? reply = null;
        string? closedWindow = null;
        var change = Apply(number, t =>
        {
            if (t.Status == TicketStatus.Closed) return "Phiếu đã đóng; mở lại phiếu trước khi trả lời.";
            var window = ReplyWindow.For(t.Channel, Now - t.LastCitizenMessageAt, facebookHumanAgent);
            if (window is ReplyWindow.Closed closed)
            {
                closedWindow = closed.Reason;
                t.DeliveryError = closed.Reason;
                Record(t, staff, TicketEvent.ReplyRefused, closed.Reason);
                return null;
            }
            reply = OutboxItem.For(t.Channel, t.UserId, Conversations.Reply.Plain(VietnameseText(text)), Now);
            reply.TicketNumber = t.Number;
            reply.Tag = ((ReplyWindow.Open)window).Tag;
            t.Messages.Add(new TicketMessage { At = Now, From = TicketAuthor.Staff, Staff = staff, Text = reply.Text });
            t.FirstStaffReplyAt ??= Now;
            t.DeliveryError = null;
            Record(t, staff, TicketEvent.Replied, reply.Tag is null ? null : $"thẻ {reply.Tag}");
            return Transition(t, TicketStatus.Answered, staff, null, t.Assignee ?? staff);
        });
        switch (change)
        {
            case Change.Done when closedWindow is not null: return new ReplyResult.Refused(closedWindow);
            case Change.Done done:
                outbox.Add(reply!);
                return new ReplyResult.Queued(done.Ticket, reply!);
            case Change.Refused refused: return new ReplyResult.Refused(refused.Reason);
            default: return new ReplyResult.Refused($"Không có phiếu {number}.");
        }
    });

    /// <summary>The sender gave up on a staff reply: the ticket shows why and is open again.</summary>
    public void DeliveryFailed(OutboxItem reply, string error)
    {
        if (reply.TicketNumber is null) return;
        ApplyAlone(reply.TicketNumber, t =>
        {
            t.DeliveryError = error;
            if (t.Status == TicketStatus.Answered) t.Status = TicketStatus.Open;
            Record(t, BotName, TicketEvent.DeliveryFailed, error);
            return null;
        });
    }

    /// <summary>Tickets the notification webhook has not been told of yet: new, or newly overdue.</summary>
    public IReadOnlyList<Ticket> ToNotify(DateTime now) => store.ToNotify(now);

    public void Notified(string number, bool overdue) => ApplyAlone(number, t =>
    {
        if (overdue) t.NotifiedOverdue = true;
        else t.NotifiedNew = true;
        return null;
    });

    public const string RemovedText = "[đã xóa theo thời hạn lưu trữ]";

    /// <summary>
    /// Closed tickets quiet since before <paramref name="cutoff"/> lose what identifies the citizen and what they wrote
    /// (the user id, the question, every message's text); the number, channel, times, assignee, candidates and the
    /// action log stay for the agency's statistics. Returns how many tickets were cleared.
    /// </summary>
    public int RemoveConversationText(DateTime cutoff)
    {
        var old = store.ClosedWithText()
            .Where(t => t.Messages.Select(m => m.At).Append(t.CreatedAt).Max() < cutoff)
            .ToList();
        return old.Count(ticket => ApplyAlone(ticket.Number, t =>
        {
            if (t.TextRemovedAt is not null) return "đã xóa";
            t.UserId = "";
            t.TextRemovedAt = Now;
            t.Question = RemovedText;
            foreach (var message in t.Messages) message.Text = RemovedText;
            Record(t, BotName, TicketEvent.TextRemoved);
            return null;
        }) is Change.Done);
    }

    /// <summary>A change asked for outside a turn (staff, the sender, the notifier, retention): a transaction of its own.</summary>
    private Change ApplyAlone(string number, Func<Ticket, string?> change) => store.InTransaction(() => Apply(number, change));

    /// <summary>
    /// The one write path for an existing ticket, inside the caller's transaction: read it, let <paramref name="change"/>
    /// change it or refuse (a reason), and write it only if nobody wrote it meanwhile; otherwise read it again and redo
    /// the change on the newer copy (<see cref="TicketStore.TryReplace"/>).
    /// </summary>
    private Change Apply(string number, Func<Ticket, string?> change)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (Find(number) is not { } ticket) return new Change.NotFound();
            var seen = ticket.Version;
            if (change(ticket) is { } refusal) return new Change.Refused(refusal);
            if (store.TryReplace(ticket, seen)) return new Change.Done(ticket);
        }
        throw new InvalidOperationException($"Ticket {number} changed under every one of {MaxAttempts} attempts.");
    }

    private const int MaxAttempts = 10;

    /// <summary>Moves the ticket to <paramref name="status"/>, recorded as <paramref name="kind"/> if given; never refuses.</summary>
    private string? Transition(Ticket ticket, TicketStatus status, string actor, TicketEvent? kind, string? assignee)
    {
        ticket.Status = status;
        ticket.Assignee = assignee;
        if (kind is { } k) Record(ticket, actor, k);
        return null;
    }

    private static void AddCandidates(Ticket ticket, IEnumerable<Candidate> candidates)
    {
        foreach (var c in candidates.Where(c => ticket.Candidates.All(k => k.Id != c.Id)))
            ticket.Candidates.Add(new TicketCandidate { Id = c.Id, Title = c.Entry.Title, Confidence = Math.Round(c.Confidence, 2) });
    }

    private static string VietnameseText(string text) => text.Trim().Normalize(System.Text.NormalizationForm.FormC);

    private void AddCitizenMessage(Ticket ticket, string text, DateTime now)
    {
        ticket.Messages.Add(new TicketMessage { At = now, From = TicketAuthor.Citizen, Text = text });
        ticket.LastCitizenMessageAt = now;
    }

    private void Record(Ticket ticket, string actor, TicketEvent kind, string? text = null) =>
        ticket.Actions.Add(new TicketAction { At = Now, Kind = kind, Actor = actor, Text = text });
}
