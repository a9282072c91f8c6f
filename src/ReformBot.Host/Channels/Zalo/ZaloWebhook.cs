using System.Text.Json;
using ReformBot.Core.Conversations;

namespace ReformBot.Host.Channels.Zalo;

/// <summary>A Zalo OA event (one per request) to an activity: text, follow, unfollow and attachments; everything else is ignored.</summary>
public static class ZaloWebhook
{
    public const string Channel = "zalo";

    private static readonly HashSet<string> AttachmentEvents =
    [
        "user_send_image", "user_send_gif", "user_send_sticker", "user_send_file", "user_send_audio", "user_send_video",
        "user_send_location", "user_send_link", "user_send_business_card",
    ];

    /// <summary>The event's "timestamp" exactly as written (a string of epoch milliseconds; a number is tolerated): the signature covers it.</summary>
    /// <exception cref="JsonException">Not JSON, or no timestamp.</exception>
    public static (JsonElement Root, string Timestamp) Read(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement.Clone();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("timestamp", out var ts)) throw new JsonException("A Zalo event has a 'timestamp'.");
        var timestamp = ts.ValueKind switch
        {
            JsonValueKind.String => ts.GetString()!,
            JsonValueKind.Number => ts.GetRawText(),
            _ => throw new JsonException("'timestamp' must be epoch milliseconds."),
        };
        if (!long.TryParse(timestamp, out _)) throw new JsonException("'timestamp' must be epoch milliseconds.");
        return (root, timestamp);
    }

    public static DateTimeOffset SentAt(string timestamp) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(long.Parse(timestamp), 0, 253402300799999));

    /// <summary>The activity for a verified event, or null for events the bot does not act on.</summary>
    /// <exception cref="JsonException">A field the event needs is missing or of the wrong type.</exception>
    public static Activity? Parse(JsonElement root, string timestamp)
    {
        var name = Text(root, "event_name");
        var at = SentAt(timestamp);
        if (name is "follow" or "unfollow")
        {
            var follower = Text(Object(root, "follower"), "id");
            return new Activity(Channel, follower, $"{name}-{follower}-{timestamp}", name == "follow" ? ActivityKind.Follow : ActivityKind.Unfollow, "", at);
        }
        if (name != "user_send_text" && !AttachmentEvents.Contains(name)) return null;

        var user = Text(Object(root, "sender"), "id");
        // The OA's own messages come back as events too; whatever they are named, the bot does not answer itself.
        if (root.TryGetProperty("recipient", out var recipient) && recipient.ValueKind == JsonValueKind.Object
            && recipient.TryGetProperty("id", out var oa) && oa.ValueKind == JsonValueKind.String && oa.GetString() == user) return null;
        var message = Object(root, "message");
        var id = Text(message, "msg_id");
        if (name == "user_send_text") return new Activity(Channel, user, id, ActivityKind.Text, Text(message, "text"), at);
        // A shared link usually comes with the citizen's words around it: those are the question.
        if (name == "user_send_link" && message.TryGetProperty("text", out var said) && said.ValueKind == JsonValueKind.String && said.GetString() is { Length: > 0 } text)
            return new Activity(Channel, user, id, ActivityKind.Text, text, at);
        return new Activity(Channel, user, id, ActivityKind.Attachment, name["user_send_".Length..], at);
    }

    private static JsonElement Object(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new JsonException($"'{name}' must be an object.");

    private static string Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new JsonException($"'{name}' must be a non-empty string.");
}
