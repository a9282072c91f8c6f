using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using System.Text.Json;

namespace ReformBot.Tests.Host;

/// <summary>One message the fake platform accepted (Graph Send API or Zalo message/cs), and when.</summary>
public sealed record SentMessage(string Channel, string UserId, string Text, JsonElement Body)
{
    public DateTime At { get; } = DateTime.UtcNow;
}

/// <summary>
/// A local stand-in for the Graph API and the Zalo OpenAPI/OAuth on a loopback port: records what the host sends,
/// checks credentials the way the platforms do, rotates Zalo tokens, answers as slowly as a platform far away, and fails
/// on demand (status, Retry-After; one platform or both; one user's sends).
/// </summary>
public sealed class FakePlatform : IAsyncDisposable
{
    public const string ZaloAppSecret = "zalo-app-secret";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<SentMessage> sent = new();
    private readonly ConcurrentQueue<JsonElement> notices = new();
    private readonly object gate = new();
    private int failuresLeft;
    private int failureStatus;
    private TimeSpan? failureRetryAfter;
    private object? failureBody;
    private string? failureChannel;
    private readonly ConcurrentDictionary<string, bool> failingUsers = new();
    private int tokenGeneration;

    public string BaseUrl { get; private set; } = "";
    public string ZaloAccessToken { get; private set; } = "access-0";
    public string ZaloRefreshToken { get; private set; } = "refresh-0";
    public int TokenRefreshes => tokenGeneration;
    public int FailedRequests;
    /// <summary>How long each send takes to be answered (Graph and Zalo OpenAPI take about 200 ms from Vietnam).</summary>
    public TimeSpan Latency { get; set; }
    public JsonElement? MessengerProfile { get; private set; }
    public IReadOnlyCollection<SentMessage> Sent => sent;
    /// <summary>What the ticket notification webhook received.</summary>
    public IReadOnlyCollection<JsonElement> Notices => notices;

    private FakePlatform(WebApplication app) => this.app = app;

    public static async Task<FakePlatform> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var platform = new FakePlatform(app);
        app.MapPost("/v25.0/me/messages", platform.FacebookSend);
        app.MapPost("/v3.0/oa/message/cs", platform.ZaloSend);
        app.MapPost("/v3.0/oa/message/promotion", platform.ZaloPromotion);
        app.MapPost("/v4/oa/access_token", platform.ZaloToken);
        app.MapPost("/notify", async (HttpRequest request) =>
        {
            platform.notices.Enqueue(await JsonSerializer.DeserializeAsync<JsonElement>(request.Body));
            return Results.Ok();
        });
        app.MapPost("/v25.0/me/messenger_profile", async (HttpRequest request) =>
        {
            platform.MessengerProfile = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            return request.Query["access_token"] == "page-token" ? Results.Ok(new { result = "success" }) : Results.StatusCode(400);
        });
        await app.StartAsync();
        platform.BaseUrl = app.Urls.First();
        return platform;
    }

    /// <summary>
    /// The next <paramref name="count"/> send requests get <paramref name="status"/> (with Retry-After when given), on one
    /// platform (<c>facebook</c>, <c>zalo</c>) or both.
    /// </summary>
    public void FailNext(int count, int status, TimeSpan? retryAfter = null, object? body = null, string? channel = null)
    {
        lock (gate) (failuresLeft, failureStatus, failureRetryAfter, failureBody, failureChannel) = (count, status, retryAfter, body, channel);
    }

    /// <summary>Sends to this user get 500 until <see cref="Recover"/>: a failure of one user's, not of the platform.</summary>
    public void FailUser(string userId) => failingUsers[userId] = true;

    public void Recover(string userId) => failingUsers.TryRemove(userId, out _);

    /// <summary>The OA is authorised again: a new refresh token replaces the old chain, as the operator would configure.</summary>
    public string ReauthoriseZalo()
    {
        lock (gate) return ZaloRefreshToken = "reauthorised-" + Guid.NewGuid().ToString("N")[..8];
    }

    /// <summary>Makes the current Zalo access token invalid, as when it expires early or is revoked.</summary>
    public void ExpireZaloAccessToken()
    {
        lock (gate) ZaloAccessToken = "expired-" + Guid.NewGuid().ToString("N");
    }

    public async Task<IReadOnlyList<SentMessage>> WaitForAsync(Func<IReadOnlyCollection<SentMessage>, bool> done, int timeoutMs = 15000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!done(sent) && DateTime.UtcNow < until) await Task.Delay(25);
        return sent.ToList();
    }

    private IResult? Failure(HttpResponse response, string channel)
    {
        lock (gate)
        {
            if (failuresLeft <= 0 || failureChannel is { } only && only != channel) return null;
            failuresLeft--;
            Interlocked.Increment(ref FailedRequests);
            if (failureRetryAfter is { } wait) response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
            return failureBody is null ? Results.StatusCode(failureStatus) : Results.Json(failureBody, statusCode: failureStatus);
        }
    }

    private async Task<IResult> FacebookSend(HttpRequest request)
    {
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency);
        if (Failure(request.HttpContext.Response, "facebook") is { } failure) return failure;
        if (request.Query["access_token"] != "page-token")
            return Results.Json(new { error = new { message = "Invalid OAuth access token.", type = "OAuthException", code = 190 } }, statusCode: 400);
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        if (body.TryGetProperty("sender_action", out _)) return Results.Ok(new { recipient_id = "x" });
        var user = body.GetProperty("recipient").GetProperty("id").GetString()!;
        if (failingUsers.ContainsKey(user)) return Results.StatusCode(500);
        sent.Enqueue(new SentMessage("facebook", user, body.GetProperty("message").GetProperty("text").GetString()!, body));
        return Results.Ok(new { recipient_id = user, message_id = $"m_{sent.Count}" });
    }

    private async Task<IResult> ZaloSend(HttpRequest request)
    {
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency);
        if (Failure(request.HttpContext.Response, "zalo") is { } failure) return failure;
        string valid;
        lock (gate) valid = ZaloAccessToken;
        if (request.Headers["access_token"] != valid) return Results.Ok(new { error = -216, message = "Access token is invalid" });
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        var user = body.GetProperty("recipient").GetProperty("user_id").GetString()!;
        if (failingUsers.ContainsKey(user)) return Results.StatusCode(500);
        sent.Enqueue(new SentMessage("zalo", user, body.GetProperty("message").GetProperty("text").GetString()!, body));
        return Results.Ok(new { error = 0, message = "Success", data = new { message_id = $"z{sent.Count}", user_id = user } });
    }

    /// <summary>A promotion message: recorded with its header and text elements as the text.</summary>
    private async Task<IResult> ZaloPromotion(HttpRequest request)
    {
        if (Failure(request.HttpContext.Response, "zalo") is { } failure) return failure;
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        var user = body.GetProperty("recipient").GetProperty("user_id").GetString()!;
        var elements = body.GetProperty("message").GetProperty("attachment").GetProperty("payload").GetProperty("elements").EnumerateArray();
        sent.Enqueue(new SentMessage("zalo", user, string.Join('\n', elements.Select(e => e.GetProperty("content").GetString())), body));
        return Results.Ok(new { error = 0, message = "Success", data = new { message_id = $"p{sent.Count}", user_id = user } });
    }

    /// <summary>OAuth v4 refresh: the refresh token is single-use and rotates; expires_in is a string, as Zalo sends it.</summary>
    private async Task<IResult> ZaloToken(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        lock (gate)
        {
            if (request.Headers["secret_key"] != ZaloAppSecret || form["grant_type"] != "refresh_token" || form["refresh_token"] != ZaloRefreshToken)
                return Results.Ok(new { error_name = "invalid_grant", error_description = "refresh token is invalid or used" });
            tokenGeneration++;
            ZaloAccessToken = $"access-{tokenGeneration}";
            ZaloRefreshToken = $"refresh-{tokenGeneration}";
            return Results.Ok(new { access_token = ZaloAccessToken, refresh_token = ZaloRefreshToken, expires_in = "90000" });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
