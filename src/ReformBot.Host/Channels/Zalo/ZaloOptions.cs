using Microsoft.Extensions.Options;

namespace ReformBot.Host.Channels.Zalo;

/// <summary>The <c>ReformBot:Zalo</c> section. The channel is on when the app, the OA secret and a token to start from are set.</summary>
public sealed class ZaloOptions
{
    public const string Section = "ReformBot:Zalo";

    public string AppId { get; set; } = "";
    /// <summary>The OA secret key from the app's Webhook page: it signs webhook events (not the app secret).</summary>
    public string OaSecretKey { get; set; } = "";
    /// <summary>The app secret key: it authenticates token refreshes.</summary>
    public string AppSecretKey { get; set; } = "";
    /// <summary>Only the first values: once refreshed, the rotated tokens live in the database.</summary>
    public string AccessToken { get; set; } = "";
    public string RefreshToken { get; set; } = "";
    public string OpenApiBaseUrl { get; set; } = "https://openapi.zalo.me";
    public string OAuthBaseUrl { get; set; } = "https://oauth.zaloapp.com";
    /// <summary>Content of the zalo-platform-site-verification meta tag served on "/" for Zalo's domain check.</summary>
    public string SiteVerification { get; set; } = "";
    /// <summary>
    /// The OA has a quota of promotion messages ("tin truyền thông"): notices reach its followers who have not written in
    /// the last 7 days that way (one a day each, 06:00–21:59). Off, those followers see the notice when they next write.
    /// </summary>
    public bool PromotionNotices { get; set; }
    /// <summary>Events older than this are refused as replays; Zalo's own retries end after about two hours.</summary>
    public double MaxEventAgeHours { get; set; } = 6;

    public IEnumerable<string> Missing()
    {
        if (AppId.Length == 0) yield return $"{Section}:AppId";
        if (OaSecretKey.Length == 0) yield return $"{Section}:OaSecretKey";
        if (AppSecretKey.Length == 0) yield return $"{Section}:AppSecretKey";
        if (RefreshToken.Length == 0) yield return $"{Section}:RefreshToken";
    }

    public bool IsOn => !Missing().Any();
}

internal sealed class ZaloOptionsValidator : IValidateOptions<ZaloOptions>
{
    public ValidateOptionsResult Validate(string? name, ZaloOptions o)
    {
        var errors = new List<string>();
        if (!Urls.IsHttp(o.OpenApiBaseUrl)) errors.Add($"{ZaloOptions.Section}:OpenApiBaseUrl must be an absolute http(s) URL (is '{o.OpenApiBaseUrl}').");
        if (!Urls.IsHttp(o.OAuthBaseUrl)) errors.Add($"{ZaloOptions.Section}:OAuthBaseUrl must be an absolute http(s) URL (is '{o.OAuthBaseUrl}').");
        if (o.MaxEventAgeHours < 2.5) errors.Add($"{ZaloOptions.Section}:MaxEventAgeHours must outlast Zalo's retries (about 2 h): at least 2.5 (is {o.MaxEventAgeHours}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
