using LiteDB;
using ReformBot.Core.Conversations;

namespace ReformBot.Core.Storage;

/// <summary>An accepted incoming activity. Its id is channel + platform message id, so a redelivery cannot be stored twice.</summary>
public sealed class InboxItem
{
    [BsonId] public string Id { get; set; } = "";
    public string Channel { get; set; } = "";
    public string UserId { get; set; } = "";
    public string MessageId { get; set; } = "";
    public ActivityKind Kind { get; set; }
    public string Text { get; set; } = "";
    public DateTime SentAt { get; set; }
    public DateTime ReceivedAt { get; set; }
    /// <summary>Null until the turn that read it has stored its replies in the outbox (same transaction).</summary>
    public DateTime? AnsweredAt { get; set; }

    public static string KeyOf(string channel, string messageId) => $"{channel}:{messageId}";

    public static InboxItem From(Activity a, DateTime receivedAt) => new()
    {
        Id = KeyOf(a.Channel, a.MessageId), Channel = a.Channel, UserId = a.UserId, MessageId = a.MessageId,
        Kind = a.Kind, Text = a.Text.Normalize(System.Text.NormalizationForm.FormC), SentAt = a.SentAt.UtcDateTime, ReceivedAt = receivedAt,
    };

    public Activity ToActivity() => new(Channel, UserId, MessageId, Kind, Text, new DateTimeOffset(SentAt, TimeSpan.Zero));
}

public enum OutboxState { Pending, Delivered, Failed }

/// <summary>Which rows go first when more are due than can be sent at once: a reply to a citizen before a bulk notice.</summary>
public enum OutboxPriority { Reply, Bulk }

/// <summary>A reply waiting to be sent, or sent, or given up on with the platform's error.</summary>
public sealed class OutboxItem
{
    [BsonId(autoId: true)] public long Id { get; set; }
    public string Channel { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Text { get; set; } = "";
    public List<StoredChoice> Choices { get; set; } = [];
    public bool Escalated { get; set; }
    public DateTime CreatedAt { get; set; }
    public OutboxState State { get; set; }
    public OutboxPriority Priority { get; set; }
    public int Attempts { get; set; }
    /// <summary>After a failed attempt, when the next may be made; null before the first attempt.</summary>
    public DateTime? NextAttemptAt { get; set; }
    public string? Error { get; set; }
    public string? PlatformMessageId { get; set; }
    public DateTime? DeliveredAt { get; set; }
    /// <summary>Set for a staff reply: its delivery (or failure) is shown on that ticket.</summary>
    public string? TicketNumber { get; set; }
    /// <summary>For a bot reply, the inbox key of the turn's first message: the correlation id that follows it through the logs.</summary>
    public string? Turn { get; set; }
    /// <summary>
    /// A platform message tag: Messenger's HUMAN_AGENT for a staff reply after the 24-hour window, or
    /// <see cref="ZaloPromotion"/> for a notice sent on a Zalo OA's promotion quota.
    /// </summary>
    public string? Tag { get; set; }

    public const string ZaloPromotion = "zalo-promotion";
    /// <summary>Set for a notice to citizens: its delivery counts on that announcement.</summary>
    public long? AnnouncementId { get; set; }

    public static OutboxItem For(string channel, string userId, Reply reply, DateTime now) => new()
    {
        Channel = channel, UserId = userId, Text = reply.Text, Escalated = reply.Escalated, CreatedAt = now,
        Choices = reply.Choices.Select(c => new StoredChoice { Title = c.Title, Payload = c.Payload }).ToList(),
    };

    public IReadOnlyList<ReplyChoice> ReplyChoices => Choices.Select(c => new ReplyChoice(c.Title, c.Payload)).ToList();
}

public sealed class StoredChoice
{
    public string Title { get; set; } = "";
    public string Payload { get; set; } = "";
}

/// <summary>A reply shown in the local web chat, read by the page when it polls.</summary>
public sealed class WebChatMessage
{
    [BsonId(autoId: true)] public long Id { get; set; }
    public string Session { get; set; } = "";
    public string Text { get; set; } = "";
    public List<StoredChoice> Choices { get; set; } = [];
    public bool Escalated { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A platform credential that rotates (Zalo's single-use refresh token), kept so a restart does not lose it.</summary>
public sealed class StoredToken
{
    [BsonId] public string Id { get; set; } = "";
    public string AccessToken { get; set; } = "";
    public string RefreshToken { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
    /// <summary>SHA-256 of the configured refresh token this pair descends from: a new one in configuration (the OA was
    /// authorised again) replaces the stored pair.</summary>
    public string ConfiguredFrom { get; set; } = "";
}

public enum TurnOutcome { Answered, Offered, Escalated, Quiet, Greeted, Rated, Subscribed }

/// <summary>
/// What one turn did, for the reports: no text and no user id, so it is kept as long as the agency's statistics are.
/// Written in the turn's own transaction.
/// </summary>
public sealed class TurnRecord
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string Channel { get; set; } = "";
    public TurnOutcome Outcome { get; set; }
    /// <summary>The entry answered, or the first offered.</summary>
    public string? EntryId { get; set; }
    /// <summary>The procedure's field (lĩnh vực), or the field of the matter a ticket is about, when known.</summary>
    public string? Field { get; set; }
    public double? Confidence { get; set; }
    public string? TicketNumber { get; set; }
}

public enum RatingKind { Answer, Ticket }

/// <summary>
/// A citizen's rating, SIPAS-style: of a direct answer (<see cref="Score"/> 1 "Có", 0 "Chưa") or of a closed ticket
/// (1 "Rất không hài lòng" … 5 "Rất hài lòng"). Stored with what was rated, never with the citizen's text or id.
/// </summary>
public sealed class Rating
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string Channel { get; set; } = "";
    public RatingKind Kind { get; set; }
    public int Score { get; set; }
    public string? EntryId { get; set; }
    public string? Field { get; set; }
    public string? TicketNumber { get; set; }
}
