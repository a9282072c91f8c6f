using ReformBot.Core.Storage;

namespace ReformBot.Core.Conversations;

/// <summary>A button the citizen can tap instead of typing; the payload comes back as a <see cref="ActivityKind.Choice"/>.</summary>
public sealed record ReplyChoice(string Title, string Payload);

/// <summary>
/// What the bot says back, channel-neutral: each channel adapter turns the choices into quick replies, buttons or links.
/// <paramref name="Escalated"/> marks the notice that the question goes to staff.
/// </summary>
public sealed record Reply(string Text, IReadOnlyList<ReplyChoice> Choices, bool Escalated = false)
{
    public static Reply Plain(string text) => new(text, []);

    /// <summary>A notice to citizens (<see cref="Announcement"/>), as sent and as shown to those it could not reach.</summary>
    public static Reply Notice(Announcement announcement) => Plain($"Thông báo: {announcement.Title}\n{announcement.Text}");
}
