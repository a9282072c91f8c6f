using ReformBot.Core.Conversations;
using ReformBot.Core.Escalation;
using ReformBot.Core.Knowledge;
using ReformBot.Core.Storage;

namespace ReformBot.Core.Publishing;

/// <summary>Whether the Zalo OA's promotion quota carries notices to followers outside the 7-day window.</summary>
public sealed record PublishingOptions(bool ZaloPromotion = false);

/// <summary>How far a notice has gone: its recipients, delivered, failed, and those skipped by reason.</summary>
public sealed record AnnouncementProgress(long Id, AnnouncementStatus Status, int Recipients, int Delivered, int Failed, int Pending, IReadOnlyDictionary<string, int> Skipped);

/// <summary>
/// Notices to citizens who follow a procedure or a field, or to the Zalo OA's followers: drafted (by staff, or proposed
/// from a knowledge change), approved, then queued in the outbox at bulk priority, only where each platform allows the
/// agency to write first. Whoever cannot be reached is counted by reason and shown the notice when they next write.
/// </summary>
public sealed class Announcements(
    AnnouncementStore store, SubscriptionStore subscriptions, ContactStore contacts, Outbox outbox, PublishingOptions options, TimeProvider time)
{
    public const string OutsideMessengerWindow = "Messenger: quá 24 giờ từ tin nhắn cuối của người dân";
    public const string OutsideZaloWindow = "Zalo: quá 7 ngày từ lần tương tác cuối (ngoài thời hạn tin tư vấn)";

    public const int MaxTitle = 200, MaxText = 1500;

    /// <summary>Whether staff's title and text can go out: neither blank, each within its limit.</summary>
    public static bool Fits(string? title, string? text) =>
        !string.IsNullOrWhiteSpace(title) && title.Length <= MaxTitle && !string.IsNullOrWhiteSpace(text) && text.Length <= MaxText;

    public long Draft(string title, string text, IReadOnlyList<string> procedureIds, string? field, AnnouncementAudience audience, string by,
        bool proposed = false) => store.Add(new Announcement
    {
        Title = title.Trim(), Text = text.Trim(), ProcedureIds = procedureIds.ToList(), Field = field, Audience = audience,
        Status = AnnouncementStatus.Draft, Proposed = proposed, CreatedAt = time.GetUtcNow().UtcDateTime, CreatedBy = by,
    });

    /// <summary>Drafts proposed from what a knowledge reload changed: one per procedure, to its followers and its field's.</summary>
    public IReadOnlyList<long> Propose(IReadOnlyList<ProcedureChange> changes) => changes
        .Select(c => Draft(c.Kind switch
            {
                ChangeKind.Added => $"Thủ tục mới: {c.Name}",
                ChangeKind.Removed => $"Bãi bỏ thủ tục: {c.Name}",
                _ => $"Thay đổi thủ tục: {c.Name}",
            }, c.Wording, [c.Id], c.Field.Length > 0 ? c.Field : null, AnnouncementAudience.Subscribers, "hệ thống", proposed: true))
        .ToList();

    /// <summary>A draft's title and text, as staff edited them; refused once it is being sent.</summary>
    public string? Edit(long id, string title, string text) => store.InTransaction(() =>
    {
        if (store.Find(id) is not { } a) return "Không có thông báo này.";
        if (a.Status != AnnouncementStatus.Draft) return "Thông báo đã gửi, không sửa được.";
        (a.Title, a.Text) = (title.Trim(), text.Trim());
        store.Save(a);
        return null;
    });

    /// <summary>Approves and queues the notice in one transaction; null when done, else why not.</summary>
    public string? Send(long id, string by) => store.InTransaction(() =>
    {
        if (store.Find(id) is not { } a) return "Không có thông báo này.";
        if (a.Status != AnnouncementStatus.Draft) return "Thông báo đã được gửi.";
        var now = time.GetUtcNow().UtcDateTime;
        var reply = Reply.Notice(a);
        var recipients = Recipients(a);
        foreach (var contact in recipients)
        {
            var outside = Skip(contact, now);
            if (outside is { } reason && !(options.ZaloPromotion && contact is { Channel: "zalo", FollowsOa: true }))
            {
                a.Skipped[reason] = a.Skipped.GetValueOrDefault(reason) + 1;
                contact.UnseenNotices.Add(a.Id);
                contacts.Save(contact);
                continue;
            }
            var row = OutboxItem.For(contact.Channel, contact.UserId, reply, now);
            row.Priority = OutboxPriority.Bulk;
            row.AnnouncementId = a.Id;
            if (outside is not null) row.Tag = OutboxItem.ZaloPromotion;
            outbox.Add(row);
        }
        (a.Status, a.Recipients, a.SentAt, a.SentBy) = (AnnouncementStatus.Sending, recipients.Count, now, by);
        store.Save(a);
        return null;
    });

    public AnnouncementProgress? Progress(long id)
    {
        if (store.Find(id) is not { } a) return null;
        var (delivered, failed, pending) = store.Progress(id);
        if (a.Status == AnnouncementStatus.Sending && pending == 0)
        {
            a.Status = AnnouncementStatus.Sent;
            store.Save(a);
        }
        return new AnnouncementProgress(a.Id, a.Status, a.Recipients, delivered, failed, pending, a.Skipped);
    }

    private List<Contact> Recipients(Announcement a)
    {
        if (a.Audience == AnnouncementAudience.Followers) return contacts.OaFollowers("zalo").ToList();
        var keys = subscriptions.Following(a.ProcedureIds, a.Field).Select(s => Contact.KeyOf(s.Channel, s.UserId));
        return contacts.Find(keys).ToList();
    }

    /// <summary>
    /// Why a notice cannot be sent to this citizen now, or null. Messenger lets a page write first only within 24 hours
    /// of the citizen's last message (no message tag fits a notice); Zalo lets an OA send consultation messages within
    /// 7 days of the last interaction, or its followers on the OA's promotion quota where configured. The web chat's page
    /// reads whatever is written for it.
    /// </summary>
    private static string? Skip(Contact contact, DateTime now) => ReplyWindow.For(contact.Channel, now - contact.LastMessageAt, false) switch
    {
        ReplyWindow.Open => null,
        _ when contact.Channel == "facebook" => OutsideMessengerWindow,
        _ => OutsideZaloWindow,
    };
}
