using System.Text.Json;
using ReformBot.Core.Conversations;

namespace ReformBot.Host.Channels.Facebook;

/// <summary>A verified Messenger webhook body to activities: text, quick replies and postbacks; echoes, deliveries and reads skipped.</summary>
public static class FacebookWebhook
{
    public const string Channel = "facebook";
    public const string GetStarted = "GET_STARTED";

    /// <exception cref="JsonException">The body is not JSON, or not shaped like a Messenger webhook.</exception>
    public static IReadOnlyList<Activity> Parse(ReadOnlySpan<byte> body)
    {
        var hook = JsonSerializer.Deserialize<FbWebhook>(body) ?? throw new JsonException("The body is JSON null.");
        if (hook.Entry is null) throw new JsonException("A Messenger webhook has an 'entry' array.");
        if (hook.Object != "page") return [];

        var activities = new List<Activity>();
        foreach (var (page, e) in hook.Entry.Where(e => e?.Messaging is not null).SelectMany(e => e!.Messaging!.Select(m => (e.Id, m))))
        {
            if (e?.Sender?.Id is not { Length: > 0 } user) continue;
            // The page's own messages (echoes, replies from the inbox) are never the citizen's, echo flag or not.
            if (user == page) continue;
            var at = DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(e.Timestamp, 0, 253402300799999));
            if (ToActivity(e, user, at) is { } activity) activities.Add(activity);
        }
        return activities;
    }

    private static Activity? ToActivity(FbMessaging e, string user, DateTimeOffset at)
    {
        if (e.Postback is { } postback)
        {
            var id = postback.Mid ?? $"postback-{user}-{e.Timestamp}";
            return postback.Payload == GetStarted
                ? new Activity(Channel, user, id, ActivityKind.Follow, "", at)
                : new Activity(Channel, user, id, ActivityKind.Choice, postback.Payload ?? postback.Title ?? "", at);
        }
        if (e.Message is not { IsEcho: false, Mid: { Length: > 0 } mid } message) return null;
        if (message.QuickReply?.Payload is { Length: > 0 } payload) return new Activity(Channel, user, mid, ActivityKind.Choice, payload, at);
        if (message.Text is { Length: > 0 } text) return new Activity(Channel, user, mid, ActivityKind.Text, text, at);
        var type = message.Attachments?.FirstOrDefault()?.Type ?? "unknown";
        return new Activity(Channel, user, mid, ActivityKind.Attachment, type, at);
    }
}
