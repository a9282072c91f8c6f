using ReformBot.Core.Conversations;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Delivery;

public enum DeliveryStatus { Delivered, Retry, PlatformDown, Failed }

/// <summary>
/// How a send ended: delivered; worth retrying later (outage, rate limit); not tried because the platform is known to be
/// down (its circuit is open), which holds back that platform's other sends too; or refused for good (with the platform's error).
/// </summary>
public sealed record SendResult(DeliveryStatus Status, string? PlatformMessageId = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static SendResult Delivered(string? platformMessageId) => new(DeliveryStatus.Delivered, platformMessageId);
    public static SendResult Retry(string error, TimeSpan? after = null) => new(DeliveryStatus.Retry, Error: error, RetryAfter: after);
    public static SendResult Failed(string error) => new(DeliveryStatus.Failed, Error: error);
    public static SendResult PlatformDown(string error, TimeSpan? after = null) => new(DeliveryStatus.PlatformDown, Error: error, RetryAfter: after);

    /// <summary>
    /// Sends a text split under a platform's limit, one message per part, the choices with the last part; stops at the
    /// first part not delivered and returns how that one ended.
    /// </summary>
    public static async Task<SendResult> InPartsAsync(string text, int maxLength, Func<string, bool, Task<SendResult>> send)
    {
        var parts = TextChunks.Split(text, maxLength);
        var result = Failed("nothing to send");
        for (var i = 0; i < parts.Count; i++)
        {
            result = await send(parts[i], i == parts.Count - 1);
            if (result.Status != DeliveryStatus.Delivered) return result;
        }
        return result;
    }
}

/// <summary>
/// The sending half of a channel adapter (Bot Framework's BotAdapter.SendActivitiesAsync). The receiving half, verify and
/// parse, lives in each channel's endpoints because every platform signs and shapes its webhook differently.
/// Adapters are registered keyed by channel name ("facebook", "zalo", "webchat").
/// </summary>
public interface IChannelAdapter
{
    Task<SendResult> SendAsync(OutboxItem reply, CancellationToken ct);

    /// <summary>Best effort "typing…" while the turn is worked on; channels without it do nothing.</summary>
    Task ShowTypingAsync(string userId, CancellationToken ct) => Task.CompletedTask;
}
