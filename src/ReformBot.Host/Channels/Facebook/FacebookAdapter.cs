using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using ReformBot.Core.Conversations;
using ReformBot.Core.Storage;
using ReformBot.Host.Delivery;

namespace ReformBot.Host.Channels.Facebook;

/// <summary>Sends replies through the Messenger Send API: text split under the limit, choices as quick replies.</summary>
public sealed class FacebookAdapter(HttpClient http, IOptions<FacebookOptions> options) : IChannelAdapter
{
    private const int MaxText = 1900;        // the platform's limit is 2,000
    private const int MaxQuickReplies = 13;
    private const int MaxTitle = 20;
    // Codes Meta documents as temporary: unknown, service, rate limits (app, user, page, Messenger).
    private static readonly HashSet<int> TransientCodes = [1, 2, 4, 17, 32, 613];

    public Task<SendResult> SendAsync(OutboxItem reply, CancellationToken ct) =>
        SendResult.InPartsAsync(reply.Text, MaxText, (part, last) =>
        {
            var quickReplies = last && reply.Choices.Count > 0 ? QuickReplies(reply.ReplyChoices) : null;
            // A staff reply after the 24-hour window carries the HUMAN_AGENT tag (decided when staff sent it).
            var request = reply.Tag is { } tag
                ? new FbSendRequest(new FbParty(reply.UserId), "MESSAGE_TAG", new FbOutgoingMessage(part, quickReplies), tag)
                : new FbSendRequest(new FbParty(reply.UserId), "RESPONSE", new FbOutgoingMessage(part, quickReplies));
            return PostAsync("me/messages", request, ct);
        });

    public async Task ShowTypingAsync(string userId, CancellationToken ct) =>
        await PostAsync("me/messages", new FbSenderAction(new FbParty(userId), "typing_on"), ct);

    /// <summary>
    /// Titles that fit (the greeting's topics) as they are; when one must be cut to 20 characters, all are numbered like
    /// the choices in the text, so a cut title still says which one it is.
    /// </summary>
    private static List<FbQuickReply> QuickReplies(IReadOnlyList<ReplyChoice> choices)
    {
        var shown = choices.Take(MaxQuickReplies).ToList();
        var numbered = shown.Any(c => c.Title.Length > MaxTitle);
        return shown.Select((c, i) => new FbQuickReply("text", Shorten(numbered ? $"{i + 1}. {c.Title}" : c.Title, MaxTitle), c.Payload)).ToList();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    internal async Task<SendResult> PostAsync<T>(string path, T body, CancellationToken ct)
    {
        try
        {
            using var response = await http.PostAsJsonAsync($"{path}?{options.Value.Credentials()}", body, ct);
            if (response.IsSuccessStatusCode)
                return SendResult.Delivered((await response.Content.ReadFromJsonAsync<FbSendResponse>(ct))?.MessageId);
            return await Classify(response, ct);
        }
        catch (Exception e) when (PlatformResilience.IsCircuitOpen(e))
        {
            return SendResult.PlatformDown("facebook circuit open after repeated failures");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            return SendResult.Retry($"facebook unreachable: {e.GetType().Name}");
        }
    }

    private static async Task<SendResult> Classify(HttpResponseMessage response, CancellationToken ct)
    {
        FbError? error = null;
        try { error = (await response.Content.ReadFromJsonAsync<FbErrorResponse>(ct))?.Error; }
        catch (System.Text.Json.JsonException) { }
        var status = (int)response.StatusCode;
        var text = $"facebook HTTP {status}" + (error is null ? "" : $" code {error.Code}{(error.Subcode is { } s ? $"/{s}" : "")}: {error.Message}");
        var transient = status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests || error is not null && TransientCodes.Contains(error.Code);
        return transient ? SendResult.Retry(text, PlatformResilience.RetryAfter(response)) : SendResult.Failed(text);
    }
}
