namespace ReformBot.Core.Conversations;

public enum ActivityKind
{
    /// <summary>The citizen typed text.</summary>
    Text,
    /// <summary>The citizen tapped a choice (quick reply, postback, web chat button): <see cref="Activity.Text"/> is its payload.</summary>
    Choice,
    /// <summary>An image, sticker, audio, file or location: <see cref="Activity.Text"/> names its type.</summary>
    Attachment,
    /// <summary>The citizen followed the OA or pressed Get Started.</summary>
    Follow,
    /// <summary>The citizen stopped following the OA.</summary>
    Unfollow,
}

/// <summary>
/// One incoming event from a citizen on any channel, already verified and parsed: the role of Bot Framework's
/// Activity. Platform ids stay strings (Zalo's overflow a long).
/// </summary>
public sealed record Activity(string Channel, string UserId, string MessageId, ActivityKind Kind, string Text, DateTimeOffset SentAt);
