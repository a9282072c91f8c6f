using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using ReformBot.Core.Storage;

namespace ReformBot.Tests.Host;

public sealed class PrivacyAndLimitsTests
{
    [Fact]
    public async Task LogsNeitherTheUserIdNorTheCitizensText()
    {
        var logs = new LogCapture();
        await using var platform = await FakePlatform.StartAsync();
        await using (var host = await RunningHost.StartAsync(platform,
            extra: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" },
            configure: b => b.Logging.AddProvider(logs)))
        {
            platform.FailNext(1, 500);
            await host.PostFacebookAsync(FacebookChannelTests.TextEvent("6142494823999777", "mid.p1", "toi so 0905123456 cccd 079203001234 xin phep xay nha"));
            await host.PostFacebookAsync(FacebookChannelTests.TextEvent("6142494823999777", "mid.p1", "toi so 0905123456 cccd 079203001234 xin phep xay nha"));
            await platform.WaitForAsync(s => s.Count >= 1);
        }

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, l => l.Contains("…9777"));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("6142494823999777"));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("0905123456") || l.Contains("079203001234") || l.Contains("xin phep xay nha"));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(RunningHost.AppSecret) || l.Contains("page-token"));
    }

    [Fact]
    public async Task DropsMessagesBeyondThePerUserLimitWithoutStarvingOthers()
    {
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform, extra: new Dictionary<string, string?> { ["ReformBot:MessagesPerMinutePerUser"] = "3" });

        for (var i = 0; i < 6; i++) await host.PostFacebookAsync(FacebookChannelTests.TextEvent("FLOODER", $"mid.f{i}", "spam"));
        var other = await host.PostFacebookAsync(FacebookChannelTests.TextEvent("CALM", "mid.c1", "le phi cap phep xay dung"));

        var stored = host.Service<BotDatabase>().Inbox.FindAll().ToList();
        Assert.Equal(3, stored.Count(i => i.UserId == "FLOODER"));
        Assert.Single(stored, i => i.UserId == "CALM");
        Assert.Equal(1, (await other.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task GreetsOnGetStartedAndAnswersAMenuPostbackAsAQuestion()
    {
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform);
        var json = """
            {"object":"page","entry":[{"id":"PAGE","time":1,"messaging":[
              {"sender":{"id":"PSID-G"},"recipient":{"id":"PAGE"},"timestamp":1764200000000,"postback":{"title":"Bắt đầu","payload":"GET_STARTED","mid":"pb.1"}}]}]}
            """;
        var menu = """
            {"object":"page","entry":[{"id":"PAGE","time":1,"messaging":[
              {"sender":{"id":"PSID-M"},"recipient":{"id":"PAGE"},"timestamp":1764200000000,"postback":{"title":"Gặp cán bộ","payload":"Gặp cán bộ","mid":"pb.2"}}]}]}
            """;

        await host.PostFacebookAsync(json);
        await host.PostFacebookAsync(menu);

        var sent = await platform.WaitForAsync(s => s.Count >= 2);
        Assert.StartsWith("Xin chào", sent.Single(s => s.UserId == "PSID-G").Text);
        Assert.Contains("cán bộ", sent.Single(s => s.UserId == "PSID-M").Text);
    }
}
