using System.Text.Json.Serialization;

namespace ReformBot.Host.Channels.Zalo;

// Wire shapes of the OA OpenAPI v3 consultation message and the OAuth v4 token endpoint.

public sealed record ZaloSendRequest(
    [property: JsonPropertyName("recipient")] ZaloRecipient Recipient,
    [property: JsonPropertyName("message")] ZaloMessage Message);

public sealed record ZaloRecipient([property: JsonPropertyName("user_id")] string UserId);

public sealed record ZaloMessage(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("attachment"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ZaloAttachment? Attachment = null);

public sealed record ZaloAttachment(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("payload")] ZaloButtons Payload);

public sealed record ZaloButtons([property: JsonPropertyName("buttons")] List<ZaloButton> Buttons);

/// <summary>"oa.query.hide": tapping sends the payload back as the user's text without showing it in the chat.</summary>
public sealed record ZaloButton(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("payload")] string Payload);

/// <summary>A promotion message ("tin truyền thông"): a header and a text element, to a follower, on the OA's quota.</summary>
public sealed record ZaloPromotionRequest(
    [property: JsonPropertyName("recipient")] ZaloRecipient Recipient,
    [property: JsonPropertyName("message")] ZaloPromotionMessage Message);

public sealed record ZaloPromotionMessage([property: JsonPropertyName("attachment")] ZaloPromotionAttachment Attachment);

public sealed record ZaloPromotionAttachment(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("payload")] ZaloPromotionPayload Payload);

public sealed record ZaloPromotionPayload(
    [property: JsonPropertyName("template_type")] string TemplateType,
    [property: JsonPropertyName("elements")] List<ZaloPromotionElement> Elements);

public sealed record ZaloPromotionElement(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("content")] string Content);

public sealed record ZaloResponse(
    [property: JsonPropertyName("error")] int Error,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("data")] ZaloSendData? Data);

public sealed record ZaloSendData([property: JsonPropertyName("message_id")] string? MessageId);

/// <summary>expires_in arrives as a string of seconds; errors come as error_name/error_description, sometimes with HTTP 200.</summary>
public sealed record ZaloTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] long? ExpiresIn,
    [property: JsonPropertyName("error_name")] string? ErrorName,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);
