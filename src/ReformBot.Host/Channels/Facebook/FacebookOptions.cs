using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ReformBot.Host.Channels.Facebook;

/// <summary>The <c>ReformBot:Facebook</c> section. The channel is on when the three secrets are set.</summary>
public sealed class FacebookOptions
{
    public const string Section = "ReformBot:Facebook";

    public string AppSecret { get; set; } = "";
    public string VerifyToken { get; set; } = "";
    public string PageAccessToken { get; set; } = "";
    public string GraphApiBaseUrl { get; set; } = "https://graph.facebook.com/v25.0";
    /// <summary>The page was granted Human Agent: staff may reply up to 7 days after the citizen's last message.</summary>
    public bool HumanAgentTag { get; set; }

    public IEnumerable<string> Missing()
    {
        if (AppSecret.Length == 0) yield return $"{Section}:AppSecret";
        if (VerifyToken.Length == 0) yield return $"{Section}:VerifyToken";
        if (PageAccessToken.Length == 0) yield return $"{Section}:PageAccessToken";
    }

    public bool IsOn => !Missing().Any();

    /// <summary>appsecret_proof: HMAC-SHA256 of the page token with the app secret, so a leaked token alone cannot call the API.</summary>
    public string AppSecretProof() =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), Encoding.UTF8.GetBytes(PageAccessToken)));

    public string Credentials() => $"access_token={Uri.EscapeDataString(PageAccessToken)}&appsecret_proof={AppSecretProof()}";
}

internal sealed class FacebookOptionsValidator : IValidateOptions<FacebookOptions>
{
    public ValidateOptionsResult Validate(string? name, FacebookOptions o) => Urls.IsHttp(o.GraphApiBaseUrl)
        ? ValidateOptionsResult.Success
        : ValidateOptionsResult.Fail($"{FacebookOptions.Section}:GraphApiBaseUrl must be an absolute http(s) URL with the API version (is '{o.GraphApiBaseUrl}').");
}
