namespace ReformBot.Core.Storage;

/// <summary>A citizen follows a procedure, or a whole field, to be told when it changes. Personal data: masked in logs.</summary>
public sealed class Subscription
{
    public long Id { get; set; }
    public string Channel { get; set; } = "";
    public string UserId { get; set; } = "";
    public string? ProcedureId { get; set; }
    public string? Field { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// How the agency can reach a citizen who follows something or the OA: when they last wrote (the platforms' windows
/// count from it), whether they follow the Zalo OA, and the notices they have not been able to receive yet.
/// </summary>
public sealed class Contact
{
    /// <summary>Channel and user id: <see cref="KeyOf"/>.</summary>
    public string Id { get; set; } = "";
    public string Channel { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTime LastMessageAt { get; set; }
    public bool FollowsOa { get; set; }
    public List<long> UnseenNotices { get; set; } = [];

    public static string KeyOf(string channel, string userId) => $"{channel}:{userId}";
}

public enum AnnouncementStatus { Draft, Sending, Sent }

public enum AnnouncementAudience { Subscribers, Followers }

/// <summary>
/// A notice to citizens: proposed from a knowledge change or written by staff, edited and approved, then sent through the
/// outbox at bulk priority where each platform allows it. Who could not be reached is counted by reason.
/// </summary>
public sealed class Announcement
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public List<string> ProcedureIds { get; set; } = [];
    public string? Field { get; set; }
    public AnnouncementAudience Audience { get; set; }
    public AnnouncementStatus Status { get; set; }
    /// <summary>Proposed by a knowledge reload rather than written by staff.</summary>
    public bool Proposed { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? SentAt { get; set; }
    public string? SentBy { get; set; }
    public int Recipients { get; set; }
    /// <summary>Recipients not sent to, by reason (outside Messenger's 24 h, outside Zalo's window…).</summary>
    public Dictionary<string, int> Skipped { get; set; } = [];
}
