using ReformBot.Host.Channels.Facebook;

namespace ReformBot.Tests.Host;

public sealed class MessengerProfileTests
{
    [Fact]
    public async Task SetsGetStartedGreetingAndTheFourItemMenu()
    {
        await using var platform = await FakePlatform.StartAsync();
        using var http = new HttpClient();
        var options = new FacebookOptions
        {
            AppSecret = RunningHost.AppSecret, VerifyToken = "v", PageAccessToken = "page-token", GraphApiBaseUrl = platform.BaseUrl + "/v25.0",
        };

        await MessengerProfile.SetUpAsync(http, options, CancellationToken.None);

        var profile = platform.MessengerProfile!.Value;
        Assert.Equal(FacebookWebhook.GetStarted, profile.GetProperty("get_started").GetProperty("payload").GetString());
        Assert.InRange(profile.GetProperty("greeting")[0].GetProperty("text").GetString()!.Length, 1, 160);
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

        await Assert.ThrowsAsync<HttpRequestException>(() => MessengerProfile.SetUpAsync(http, options, CancellationToken.None));
    }
}
