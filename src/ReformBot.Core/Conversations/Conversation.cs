using ReformBot.Core.Answering;
using ReformBot.Core.Escalation;
using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Analysis;
using ReformBot.Core.Storage;

namespace ReformBot.Core.Conversations;

/// <summary>
/// One turn in two steps. <see cref="Think"/> is the search: CPU work that needs no database. <see cref="RecordAsync"/>
/// writes its consequences in one transaction: the bot's answer or the ticket for staff, the replies in the outbox, the
/// inbox items marked answered and the turn's record for the reports. While staff own the conversation (ticket claimed)
/// the bot stays quiet.
/// </summary>
public sealed class Conversation(
    LiveKnowledge knowledge, Tickets tickets, EscalationOptions options, Inbox inbox, Outbox outbox, TurnLog turns, RatingStore ratings,
    SubscriptionStore subscriptions, ContactStore contacts, AnnouncementStore announcements, WriteQueue writes, TimeProvider time)
{
    public TurnResult Think(IReadOnlyList<InboxItem> items) => knowledge.Bot.OnTurn(items.Select(i => i.ToActivity()).ToList());

    /// <summary>The replies in the outbox, once committed (in the writer's batch, <see cref="WriteQueue"/>).</summary>
    public Task<List<OutboxItem>> RecordAsync(IReadOnlyList<InboxItem> items, TurnResult result)
    {
        var first = items[0];
        return writes.WriteAsync(() => Write(items, Replies(first.Channel, first.UserId, items, result)));
    }

    private List<OutboxItem> Write(IReadOnlyList<InboxItem> items, (IReadOnlyList<Reply> Replies, TurnRecord Record) turn)
    {
        var (replies, record) = turn;
        var first = items[0];
        var now = time.GetUtcNow().UtcDateTime;
        record.At = now;
        record.Channel = first.Channel;
        turns.Add(record);
        replies = [.. replies, .. Reached(items, now)];
        var outgoing = replies.Select(r => OutboxItem.For(first.Channel, first.UserId, r, now)).ToList();
        foreach (var reply in outgoing) reply.Turn = first.Id;
        foreach (var reply in outgoing) outbox.Add(reply);
        inbox.MarkAnswered(items, now);
        return outgoing;
    }

    /// <summary>The search's <paramref name="result"/> is discarded while staff own the conversation.</summary>
    private (IReadOnlyList<Reply>, TurnRecord) Replies(string channel, string userId, IReadOnlyList<InboxItem> items, TurnResult result)
    {
        if (result.Tap is { } tap) return Tapped(tap, channel, userId, result.Replies);
        var text = string.Join(' ', items.Where(i => i.Kind is ActivityKind.Text or ActivityKind.Choice).Select(i => i.Text.Trim()));
        if (text.Length > 0 && tickets.AwaitingComment(channel, userId) is { } rated)
        {
            tickets.Commented(rated, text);
            return ([Reply.Plain("Cảm ơn góp ý của bạn. Cán bộ sẽ xem để phục vụ tốt hơn.")],
                new TurnRecord { Outcome = TurnOutcome.Rated, TicketNumber = rated.Number, Field = rated.Field });
        }
        var active = tickets.ActiveFor(channel, userId);
        if (active is { Status: TicketStatus.Claimed })
        {
            if (!IsLeavePhrase(text))
            {
                tickets.AppendWhileClaimed(active, text.Length > 0 ? text : "(tệp đính kèm)");
                return ([], new TurnRecord { Outcome = TurnOutcome.Quiet, TicketNumber = active.Number, Field = active.Field });
            }
            tickets.CitizenLeft(active);
            return ([Reply.Plain($"Bạn đã quay lại trò chuyện với trợ lý tự động. Phiếu {active.Number} vẫn được cán bộ theo dõi.")],
                new TurnRecord { Outcome = TurnOutcome.Quiet, TicketNumber = active.Number, Field = active.Field });
        }

        switch (result.Decision)
        {
            case { Escalates: true }:
            {
                var current = knowledge.Current;
                var field = FieldOf(result.Decision);
                var (ticket, isNew) = tickets.Escalate(current.Hours, channel, userId, result.Question!, result.Decision.Candidates.Take(3), field);
                var acknowledgement = Acknowledge(ticket, isNew, current);
                var record = Record(TurnOutcome.Escalated, result.Decision.Candidates.FirstOrDefault(), ticket.Field);
                record.TicketNumber = ticket.Number;
                // A plain "no answer" says nothing the acknowledgement does not; a referral or the nearest choices do.
                return result.Decision is Decision.NoAnswer { Foreign: null }
                    ? ([new Reply(acknowledgement, [], Escalated: true)], record)
                    : ([result.Replies[0] with { Text = result.Replies[0].Text + "\n\n" + acknowledgement, Escalated = true }], record);
            }
            case not null when active is not null:
                tickets.NoteAnswered(active, result.Question!, result.Replies[0].Text);
                break;
        }
        return (result.Replies, result.Decision switch
        {
            Decision.Answered a => Record(TurnOutcome.Answered, a.Best, FieldOf(a.Best.Entry)),
            Decision.Ambiguous a => Record(TurnOutcome.Offered, a.Choices.FirstOrDefault(), FieldOf(result.Decision)),
            _ when result.Chosen is { } entry => new TurnRecord { Outcome = TurnOutcome.Answered, EntryId = entry.Id, Field = FieldOf(entry) },
            _ => new TurnRecord { Outcome = TurnOutcome.Greeted },
        });
    }

    /// <summary>A rating is stored with what it rates; asking for a person opens a ticket about the entry.</summary>
    private (IReadOnlyList<Reply>, TurnRecord) Tapped(Tap tap, string channel, string userId, IReadOnlyList<Reply> replies)
    {
        var now = time.GetUtcNow().UtcDateTime;
        switch (tap)
        {
            case Tap.Helpful h:
            {
                var field = EntryOf(h.EntryId) is { } entry ? FieldOf(entry) : null;
                ratings.Add(new Rating { At = now, Channel = channel, Kind = RatingKind.Answer, Score = h.Yes ? 1 : 0, EntryId = h.EntryId, Field = field });
                return (replies, new TurnRecord { Outcome = TurnOutcome.Rated, EntryId = h.EntryId, Field = field });
            }
            case Tap.TicketRating r:
            {
                // Only the citizen the ticket belongs to, once, after it is closed; anyone else is thanked the same.
                var ticket = Own(r.Number, channel, userId);
                if (ticket is not null && !ratings.HasTicketRating(r.Number))
                {
                    ratings.Add(new Rating { At = now, Channel = channel, Kind = RatingKind.Ticket, Score = r.Score, TicketNumber = r.Number, Field = ticket.Field });
                    tickets.Rated(ticket, r.Score, inviteComment: false);
                }
                return (replies, new TurnRecord { Outcome = TurnOutcome.Rated, TicketNumber = ticket?.Number, Field = ticket?.Field });
            }
            case Tap.Comment c:
            {
                var ticket = Own(c.Number, channel, userId);
                if (ticket is not null) tickets.Rated(ticket, null, inviteComment: true);
                return (replies, new TurnRecord { Outcome = TurnOutcome.Rated, TicketNumber = ticket?.Number, Field = ticket?.Field });
            }
            case Tap.Follow f:
            {
                var field = EntryOf(f.ProcedureId) is { } entry ? FieldOf(entry) : null;
                subscriptions.Add(new Subscription { Channel = channel, UserId = userId, ProcedureId = f.ProcedureId, At = now });
                contacts.Save(contacts.Get(channel, userId, now));
                return (replies, new TurnRecord { Outcome = TurnOutcome.Subscribed, EntryId = f.ProcedureId, Field = field });
            }
            case Tap.FollowField f:
                subscriptions.Add(new Subscription { Channel = channel, UserId = userId, Field = f.Field, At = now });
                contacts.Save(contacts.Get(channel, userId, now));
                return (replies, new TurnRecord { Outcome = TurnOutcome.Subscribed, Field = f.Field });
            case Tap.Unfollow u:
            {
                subscriptions.Remove(channel, userId, u.ProcedureId);
                // Asked to stop: nothing is kept that is no longer needed to reach them.
                if (subscriptions.Of(channel, userId).Count == 0 && contacts.Find(channel, userId) is { FollowsOa: false } contact) contacts.Delete(contact);
                return (replies, new TurnRecord { Outcome = TurnOutcome.Subscribed, EntryId = u.ProcedureId });
            }
            case Tap.Person p:
            {
                var current = knowledge.Current;
                var entry = EntryOf(p.EntryId);
                var question = entry is null ? "Người dân muốn gặp cán bộ." : $"Người dân muốn gặp cán bộ về: {entry.Title}";
                var field = entry is null ? null : FieldOf(entry);
                var (ticket, isNew) = tickets.Escalate(current.Hours, channel, userId, question, [], field);
                var record = new TurnRecord { Outcome = TurnOutcome.Escalated, EntryId = entry?.Id, Field = ticket.Field, TicketNumber = ticket.Number };
                return ([new Reply(Acknowledge(ticket, isNew, current), [], Escalated: true)], record);
            }
            default:
                throw new InvalidOperationException($"Unknown tap {tap}");
        }
    }

    /// <summary>The closed ticket, if it is this citizen's: nobody rates or comments on another's.</summary>
    private Ticket? Own(string number, string channel, string userId) =>
        tickets.Find(number) is { Status: TicketStatus.Closed } t && t.Channel == channel && t.UserId == userId ? t : null;

    private KnowledgeEntry? EntryOf(string id) => knowledge.Current.Pack.Entries.FirstOrDefault(e => e.Id == id);

    /// <summary>
    /// A citizen the agency keeps a contact for has just written: the platforms' windows start again, a Zalo follow or
    /// unfollow is noted, and the notices they could not be sent are shown now.
    /// </summary>
    private IEnumerable<Reply> Reached(IReadOnlyList<InboxItem> items, DateTime now)
    {
        var (channel, userId) = (items[0].Channel, items[0].UserId);
        var follows = channel == "zalo" ? items.LastOrDefault(i => i.Kind is ActivityKind.Follow or ActivityKind.Unfollow)?.Kind : null;
        var contact = follows == ActivityKind.Follow ? contacts.Get(channel, userId, now) : contacts.Find(channel, userId);
        if (contact is null) return [];
        contact.LastMessageAt = now;
        if (follows is { } kind) contact.FollowsOa = kind == ActivityKind.Follow;
        var unseen = contact.UnseenNotices.Select(announcements.Find).Where(a => a is not null).Select(a => Reply.Notice(a!)).ToList();
        contact.UnseenNotices.Clear();
        contacts.Save(contact);
        return unseen;
    }


    private static TurnRecord Record(TurnOutcome outcome, Candidate? candidate, string? field) => new()
    {
        Outcome = outcome, EntryId = candidate?.Id, Confidence = candidate is null ? null : Math.Round(candidate.Confidence, 3), Field = field,
    };

    private static string? FieldOf(KnowledgeEntry entry) => entry is Procedure p && p.Field.Length > 0 ? p.Field : null;

    /// <summary>
    /// The field a question is about: the matter's, if it names one the pack has nothing on, else the nearest procedure's
    /// among the entries about what it names.
    /// </summary>
    private static string? FieldOf(Decision decision)
    {
        var foreign = decision switch
        {
            Decision.NoAnswer n => n.Foreign,
            Decision.Ambiguous a => a.Foreign,
            _ => null,
        };
        if (foreign is not null) return Sentence(foreign.Field);
        return decision.Candidates.Where(c => !c.Fit.OffTopic).Select(c => FieldOf(c.Entry)).FirstOrDefault(f => f is not null);
    }

    /// <summary>"HỘ TỊCH" (a thesaurus file's heading) as a field is written in packs: "Hộ tịch".</summary>
    private static string Sentence(string heading)
    {
        var lower = heading.ToLower(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
        return lower.Length == 0 ? lower : char.ToUpper(lower[0]) + lower[1..];
    }

    /// <summary>
    /// The ticket number exactly as staff and the API show it, when to expect an answer and the office hours that time
    /// was computed from, and whether the office is closed now.
    /// </summary>
    private string Acknowledge(Ticket ticket, bool isNew, LiveKnowledge.Snapshot current)
    {
        var office = current.Pack.Office;
        var text = isNew
            ? $"Câu hỏi của bạn đã được chuyển tới cán bộ{(office?.Name is { } name ? " " + name : "")}, mã phiếu {ticket.Number}."
            : $"Câu hỏi này đã được ghi thêm vào phiếu {ticket.Number} của bạn.";
        text += $"\nCán bộ sẽ trả lời bạn tại đây trước {OfficeHours.Describe(ticket.DueAt)} (giờ làm việc: {current.Hours.Text}).";
        if (!current.Hours.IsOpen(time.GetUtcNow().UtcDateTime))
            text += "\nHiện đang ngoài giờ làm việc; cán bộ sẽ xem câu hỏi khi bắt đầu giờ làm việc.";
        if (office?.Hotline is { } hotline) text += $"\nCần gấp, bạn gọi đường dây nóng {hotline} và đọc mã phiếu.";
        return text;
    }

    private bool IsLeavePhrase(string text)
    {
        static string Plain(string s) => VietnameseText.Fold(VietnameseText.Normalize(s)).Trim(' ', '.', '!');
        var said = Plain(text);
        return options.LeavePhrases.Any(p => said == Plain(p));
    }
}
