using ReformBot.Core.Answering;
using ReformBot.Core.Conversations;
using ReformBot.Host.Channels.Facebook;

namespace ReformBot.Tests.Host;

public sealed class MessengerProfileTests(SamplePack sample) : IClassFixture<SamplePack>
{
    [Fact]
    public async Task SetsGetStartedTheStartOfThePacksGreetingAndTheFourItemMenu()
    {
        var greeting = new Bot(sample.Index, new AnswererOptions(), new ReplyRenderer(sample.Pack.Office)).Greeting.Text;
        await using var platform = await FakePlatform.StartAsync();
        using var http = new HttpClient();
        var options = new FacebookOptions
        {
            AppSecret = RunningHost.AppSecret, VerifyToken = "v", PageAccessToken = "page-token", GraphApiBaseUrl = platform.BaseUrl + "/v25.0",
        };

        await MessengerProfile.SetUpAsync(http, options, greeting, CancellationToken.None);

        var profile = platform.MessengerProfile!.Value;
        Assert.Equal(FacebookWebhook.GetStarted, profile.GetProperty("get_started").GetProperty("payload").GetString());
        // The pack's greeting is longer than Messenger's 160 characters: its first whole sentences.
        var shown = profile.GetProperty("greeting")[0].GetProperty("text").GetString()!;
        Assert.Equal("Xin chào! Tôi là trợ lý tự động của Sở Xây dựng tỉnh Đắk Lắk (dữ liệu mẫu).", shown);
        Assert.StartsWith(shown, greeting);
        var menu = profile.GetProperty("persistent_menu")[0].GetProperty("call_to_actions").EnumerateArray()
            .Select(item => item.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Thủ tục hành chính", "Dịch vụ công trực tuyến", "Thanh toán", "Gặp cán bộ"], menu);
    }

    [Fact]
    public async Task ReportsThePlatformsRefusal()
    {
        await using var platform = await FakePlatform.StartAsync();
        using var http = new HttpClient();
        var options = new FacebookOptions { AppSecret = "s", VerifyToken = "v", PageAccessToken = "wrong", GraphApiBaseUrl = platform.BaseUrl + "/v25.0" };

        await Assert.ThrowsAsync<HttpRequestException>(() => MessengerProfile.SetUpAsync(http, options, "Xin chào!", CancellationToken.None));
    }

    [Fact]
    public void CutsAGreetingWithoutASentenceEndWithin160Characters()
    {
        var greeting = string.Join(' ', Enumerable.Repeat("thủ tục hành chính", 20));

        var shown = MessengerProfile.WelcomeText(greeting);

        Assert.InRange(shown.Length, 140, MessengerProfile.MaxGreeting);
        Assert.EndsWith("…", shown);
        Assert.StartsWith(shown[..^1] + " ", greeting); // cut between words
    }
}
