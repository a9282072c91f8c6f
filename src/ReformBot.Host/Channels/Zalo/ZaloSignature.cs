using System.Security.Cryptography;
using System.Text;

namespace ReformBot.Host.Channels.Zalo;

/// <summary>
/// X-ZEvent-Signature: hex SHA-256 of app id + raw body + the body's timestamp + OA secret key (a plain hash, not an HMAC).
/// The header is seen both bare and as "mac=&lt;hex&gt;"; both are accepted.
/// </summary>
public static class ZaloSignature
{
    public const string Header = "X-ZEvent-Signature";

    public static bool IsValid(ReadOnlySpan<byte> body, string timestamp, string? header, string appId, string oaSecretKey)
    {
        if (string.IsNullOrWhiteSpace(header)) return false;
        var hex = header.Trim();
        if (hex.StartsWith("mac=", StringComparison.OrdinalIgnoreCase)) hex = hex[4..];
        byte[] given;
        try
        {
            given = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Hash(body, timestamp, appId, oaSecretKey), given);
    }

    public static string Sign(ReadOnlySpan<byte> body, string timestamp, string appId, string oaSecretKey) =>
        Convert.ToHexStringLower(Hash(body, timestamp, appId, oaSecretKey));

    private static byte[] Hash(ReadOnlySpan<byte> body, string timestamp, string appId, string oaSecretKey)
    {
        var prefix = Encoding.UTF8.GetBytes(appId);
        var suffix = Encoding.UTF8.GetBytes(timestamp + oaSecretKey);
        var data = new byte[prefix.Length + body.Length + suffix.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(prefix.Length));
        suffix.CopyTo(data, prefix.Length + body.Length);
        return SHA256.HashData(data);
    }
}
