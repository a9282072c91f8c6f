using System.Text.Json.Serialization;

namespace ReformBot.Host.Channels.Facebook;

// Wire shapes of the Messenger webhook and Send API (only the fields the bot reads or writes).

public sealed record FbWebhook(
    [property: JsonPropertyName("object")] string? Object,
    [property: JsonPropertyName("entry")] List<FbEntry>? Entry);

public sealed record FbEntry(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("messaging")] List<FbMessaging>? Messaging);

public sealed record FbMessaging(
    [property: JsonPropertyName("sender")] FbParty? Sender,
    [property: JsonPropertyName("recipient")] FbParty? Recipient,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("message")] FbMessage? Message,
    [property: JsonPropertyName("postback")] FbPostback? Postback);

public sealed record FbParty([property: JsonPropertyName("id")] string? Id);

public sealed record FbMessage(
    [property: JsonPropertyName("mid")] string? Mid,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("is_echo")] bool IsEcho,
    [property: JsonPropertyName("quick_reply")] FbQuickReplyPayload? QuickReply,
    [property: JsonPropertyName("attachments")] List<FbAttachment>? Attachments);

public sealed record FbQuickReplyPayload([property: JsonPropertyName("payload")] string? Payload);

public sealed record FbAttachment([property: JsonPropertyName("type")] string? Type);

public sealed record FbPostback(
    [property: JsonPropertyName("mid")] string? Mid,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("payload")] string? Payload);

public sealed record FbSendRequest(
    [property: JsonPropertyName("recipient")] FbParty Recipient,
    [property: JsonPropertyName("messaging_type")] string MessagingType,
    [property: JsonPropertyName("message")] FbOutgoingMessage Message,
    [property: JsonPropertyName("tag"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Tag = null);

public sealed record FbOutgoingMessage(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("quick_replies"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<FbQuickReply>? QuickReplies);

public sealed record FbQuickReply(
    [property: JsonPropertyName("content_type")] string ContentType,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("payload")] string Payload);

public sealed record FbSenderAction(
    [property: JsonPropertyName("recipient")] FbParty Recipient,
    [property: JsonPropertyName("sender_action")] string SenderAction);

public sealed record FbSendResponse([property: JsonPropertyName("message_id")] string? MessageId);

public sealed record FbErrorResponse([property: JsonPropertyName("error")] FbError? Error);

public sealed record FbError(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("error_subcode")] int? Subcode);
