using System.Net;
using System.Net.Http.Json;
using ReformBot.Core.Conversations;
using ReformBot.Core.Storage;
using ReformBot.Host.Delivery;

namespace ReformBot.Host.Channels.Zalo;

/// <summary>Sends consultation messages (v3 message/cs): text split under the limit, choices as a button list.</summary>
public sealed class ZaloAdapter(HttpClient http, ZaloTokens tokens) : IChannelAdapter
{
    private const int MaxText = 1900;      // the platform's limit is 2,000
    private const int MaxButtons = 5;
    private const int MaxTitle = 100;
    private static readonly HashSet<int> InvalidToken = [-216, -220];
    // Rate limits, and "cannot be sent at night": the message waits in the outbox.
    private static readonly HashSet<int> TryLater = [-32, -234];

    public Task<SendResult> SendAsync(OutboxItem reply, CancellationToken ct) => reply.Tag == OutboxItem.ZaloPromotion
        ? SendAsync("v3.0/oa/message/promotion", Promotion(reply), ct)
        : SendResult.InPartsAsync(reply.Text, MaxText, (part, last) =>
        {
            var buttons = last && reply.Choices.Count > 0 ? Buttons(reply.ReplyChoices) : null;
            return SendAsync("v3.0/oa/message/cs", new ZaloSendRequest(new ZaloRecipient(reply.UserId), new ZaloMessage(part, buttons)), ct);
        });

    // Zalo's limits for a promotion's header and text elements.
    private const int MaxHeader = 100;
    private const int MaxPromotionText = 1000;

    /// <summary>A notice to a follower outside the 7-day window: its first line as the header, the rest as the text.</summary>
    private static ZaloPromotionRequest Promotion(OutboxItem reply)
    {
        var lines = reply.Text.Split('\n', 2);
        var header = lines[0].Length <= MaxHeader ? lines[0] : lines[0][..(MaxHeader - 1)] + "…";
        var text = lines.Length > 1 ? lines[1] : "";
        if (text.Length > MaxPromotionText) text = text[..(MaxPromotionText - 1)] + "…";
        return new ZaloPromotionRequest(new ZaloRecipient(reply.UserId), new ZaloPromotionMessage(new ZaloPromotionAttachment("template",
            new ZaloPromotionPayload("promotion", [new ZaloPromotionElement("header", header), new ZaloPromotionElement("text", text)]))));
    }

    private static ZaloAttachment Buttons(IReadOnlyList<ReplyChoice> choices) => new("template", new ZaloButtons(choices
        .Take(MaxButtons)
        .Select(c => new ZaloButton(c.Title.Length <= MaxTitle ? c.Title : c.Title[..(MaxTitle - 1)] + "…", "oa.query.hide", c.Payload))
        .ToList()));

    private async Task<SendResult> SendAsync(string path, object body, CancellationToken ct)
    {
        try
        {
            var token = await tokens.AccessTokenAsync(ct);
            var (delivery, error) = await PostAsync(path, body, token, ct);
            if (error is null || !InvalidToken.Contains(error.Value)) return delivery;
            // The token expired early or was revoked: refresh once and try again.
            return (await PostAsync(path, body, await tokens.RefreshAsync(token, ct), ct)).Result;
        }
        catch (ZaloTokenException e)
        {
            return SendResult.PlatformDown(e.Message, TimeSpan.FromMinutes(1));
        }
        catch (Exception e) when (PlatformResilience.IsCircuitOpen(e))
        {
            return SendResult.PlatformDown("zalo circuit open after repeated failures");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            return SendResult.Retry($"zalo unreachable: {e.GetType().Name}");
        }
    }

    private async Task<(SendResult Result, int? Error)> PostAsync(string path, object body, string accessToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType()) };
        request.Headers.Add("access_token", accessToken);
        using var response = await http.SendAsync(request, ct);
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            var text = $"zalo HTTP {status}";
            return (status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests
                ? SendResult.Retry(text, PlatformResilience.RetryAfter(response))
                : SendResult.Failed(text), null);
        }
        ZaloResponse? result;
        try { result = await response.Content.ReadFromJsonAsync<ZaloResponse>(ct); }
        catch (System.Text.Json.JsonException) { result = null; }
        if (result is null) return (SendResult.Retry("zalo answered with an unreadable body"), null);
        if (result.Error == 0) return (SendResult.Delivered(result.Data?.MessageId), 0);

        // Zalo reports errors in the body, usually with HTTP 200.
        var error = $"zalo error {result.Error}: {result.Message}";
        var delivery = InvalidToken.Contains(result.Error) || TryLater.Contains(result.Error)
            ? SendResult.Retry(error, result.Error == -234 ? TimeSpan.FromMinutes(30) : null)
            : SendResult.Failed(error);
        return (delivery, result.Error);
    }
}
