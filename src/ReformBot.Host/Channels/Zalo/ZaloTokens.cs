using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Channels.Zalo;

public sealed class ZaloTokenException(string message) : Exception(message);

/// <summary>
/// The OA access token (about 25 h) and its single-use refresh token (3 months, rotated on every refresh). Refreshes
/// happen one at a time, before expiry or after an invalid-token error, and the new pair is stored at once: a restart,
/// or a second refresh racing the first, must never spend a refresh token that was already used.
/// </summary>
public sealed class ZaloTokens(TokenStore stored, HttpClient http, IOptions<ZaloOptions> options, TimeProvider time, ILogger<ZaloTokens> log)
{
    private const string Key = "zalo";
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(10);
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<string> AccessTokenAsync(CancellationToken ct)
    {
        var current = Current();
        return current.AccessToken.Length > 0 && !ExpiresSoon(current) ? current.AccessToken : await RefreshAsync(current.AccessToken, ct);
    }

    /// <summary>Refreshes unless another caller already replaced <paramref name="stale"/> while this one waited.</summary>
    public async Task<string> RefreshAsync(string stale, CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            var current = Current();
            if (current.AccessToken.Length > 0 && current.AccessToken != stale && !ExpiresSoon(current)) return current.AccessToken;

            var o = options.Value;
            using var request = new HttpRequestMessage(HttpMethod.Post, "v4/oa/access_token")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["refresh_token"] = current.RefreshToken, ["app_id"] = o.AppId, ["grant_type"] = "refresh_token",
                }),
            };
            request.Headers.Add("secret_key", o.AppSecretKey);
            using var response = await http.SendAsync(request, ct);
            var token = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<ZaloTokenResponse>(ct) : null;
            if (token?.AccessToken is not { Length: > 0 } access || token.RefreshToken is not { Length: > 0 } refresh)
                throw new ZaloTokenException($"Zalo token refresh failed: HTTP {(int)response.StatusCode} {token?.ErrorName} {token?.ErrorDescription}".TrimEnd());

            stored.Save(new StoredToken
            {
                Id = Key, AccessToken = access, RefreshToken = refresh,
                ExpiresAt = time.GetUtcNow().UtcDateTime.AddSeconds(token.ExpiresIn ?? 3600), ConfiguredFrom = current.ConfiguredFrom,
            });
            log.LogInformation("Zalo access token refreshed; it expires in {Hours:0.0} h", (token.ExpiresIn ?? 3600) / 3600.0);
            return access;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The stored pair, or the configured one until its first refresh or when configuration holds a new one.</summary>
    private StoredToken Current()
    {
        var configuredFrom = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(options.Value.RefreshToken)));
        var pair = stored.Find(Key);
        return pair is not null && pair.ConfiguredFrom == configuredFrom ? pair : new StoredToken
        {
            Id = Key, AccessToken = options.Value.AccessToken, RefreshToken = options.Value.RefreshToken, ExpiresAt = DateTime.MaxValue,
            ConfiguredFrom = configuredFrom,
        };
    }

    private bool ExpiresSoon(StoredToken token) => token.ExpiresAt != DateTime.MaxValue && token.ExpiresAt - time.GetUtcNow().UtcDateTime < RefreshAhead;
}
