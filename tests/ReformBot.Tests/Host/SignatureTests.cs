using System.Text;
using ReformBot.Host.Channels.Facebook;
using ReformBot.Host.Channels.Zalo;

namespace ReformBot.Tests.Host;

public sealed class SignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"object":"page","entry":[]}""");

    [Fact]
    public void FacebookSignatureIsHmacSha256OfTheRawBody()
    {
        // Known answer computed independently: printf '%s' '{"object":"page","entry":[]}' | openssl dgst -sha256 -hmac secret
        Assert.Equal("sha256=" + KnownHmac, FacebookSignature.Sign(Body, "secret"));
        Assert.True(FacebookSignature.IsValid(Body, "sha256=" + KnownHmac.ToUpperInvariant(), "secret"));
        Assert.False(FacebookSignature.IsValid(Body, "sha256=" + KnownHmac, "other secret"));
        Assert.False(FacebookSignature.IsValid(Body, "sha1=" + KnownHmac, "secret"));
        Assert.False(FacebookSignature.IsValid(Body, "sha256=not-hex", "secret"));
        Assert.False(FacebookSignature.IsValid(Encoding.UTF8.GetBytes("""{"object":"page","entry": []}"""), "sha256=" + KnownHmac, "secret"));
    }

    [Fact]
    public void ZaloSignatureIsSha256OfAppIdBodyTimestampAndOaSecret()
    {
        // Known answer: printf '%s' 'app{"object":"page","entry":[]}1699003881354oasecret' | sha256sum
        Assert.Equal(KnownZalo, ZaloSignature.Sign(Body, "1699003881354", "app", "oasecret"));
        Assert.True(ZaloSignature.IsValid(Body, "1699003881354", "mac=" + KnownZalo, "app", "oasecret"));
        Assert.True(ZaloSignature.IsValid(Body, "1699003881354", KnownZalo, "app", "oasecret"));
        Assert.False(ZaloSignature.IsValid(Body, "1699003881355", KnownZalo, "app", "oasecret"));
        Assert.False(ZaloSignature.IsValid(Body, "1699003881354", KnownZalo, "app", "appsecret"));
    }

    private const string KnownHmac = "550e646d4869f9eaf9e56ccc2b73b528c8d3aac4a24ff137e0a26e3e45bbd075";
    private const string KnownZalo = "1abbaa7d17b882fe2125843ad9824ec8ae4935f0ff4cb2ba66d6fe19f15e6217";
}
