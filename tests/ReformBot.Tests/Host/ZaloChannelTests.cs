using System.Net;
using ReformBot.Core.Conversations;
using ReformBot.Core.Storage;

namespace ReformBot.Tests.Host;

public sealed class ZaloChannelTests : HostTest
{
    internal static (string Json, string Timestamp) TextEvent(string user, string msgId, string text, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds().ToString();
        return ($$$"""
            {"app_id":"{{{RunningHost.ZaloAppId}}}","sender":{"id":"{{{user}}}"},"recipient":{"id":"3662729599332560487"},
             "event_name":"user_send_text","message":{"text":"{{{text}}}","msg_id":"{{{msgId}}}"},"timestamp":"{{{timestamp}}}","user_id_by_app":"979122185046046317"}
            """, timestamp);
    }

    [Fact]
    public async Task AnswersASignedTextEventThroughTheConsultationApi()
    {
        var (json, timestamp) = TextEvent("6142494823123456789", "z-msg-1", "thu tuc xin phep xay nha can gi");
        var response = await host.PostZaloAsync(json, timestamp);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await platform.WaitForAsync(s => s.Count >= 1));
        Assert.Equal("zalo", reply.Channel);
        Assert.Equal("6142494823123456789", reply.UserId);
        Assert.Contains("giấy phép xây dựng", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AcceptsTheSignatureWithOrWithoutMacPrefixAndRefusesAWrongOne()
    {
        var (json, timestamp) = TextEvent("u-2", "z-msg-2", "xin chao");
        var bare = ReformBot.Host.Channels.Zalo.ZaloSignature.Sign(System.Text.Encoding.UTF8.GetBytes(json), timestamp, RunningHost.ZaloAppId, RunningHost.ZaloOaSecret);
        var (other, otherTimestamp) = TextEvent("u-3", "z-msg-3", "xin chao");

        Assert.Equal(HttpStatusCode.OK, (await host.PostZaloAsync(json, timestamp, bare)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostZaloAsync(other, otherTimestamp, "mac=" + new string('a', 64))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostZaloAsync(other, otherTimestamp, "")).StatusCode);
        Assert.Single(host.Service<BotDatabase>().Inbox.FindAll());
    }

    [Fact]
    public async Task RefusesAnEventOlderThanTheReplayTolerance()
    {
        var (json, timestamp) = TextEvent("u-4", "z-msg-4", "xin chao", DateTimeOffset.UtcNow.AddHours(-7));

        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostZaloAsync(json, timestamp)).StatusCode);
        Assert.Equal(0, host.Service<BotDatabase>().Inbox.Count());
    }

    [Fact]
    public async Task GreetsANewFollowerAndIgnoresOtherEvents()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString();
        var follow = $$"""{"oa_id":"1","follower":{"id":"u-5"},"user_id_by_app":"2","event_name":"follow","source":"oa_profile","app_id":"{{RunningHost.ZaloAppId}}","timestamp":"{{now}}"}""";
        var seen = $$"""{"app_id":"{{RunningHost.ZaloAppId}}","sender":{"id":"1"},"recipient":{"id":"u-5"},"event_name":"user_seen_message","message":{"msg_ids":["a"]},"timestamp":"{{now}}"}""";

        Assert.Equal(HttpStatusCode.OK, (await host.PostZaloAsync(seen, now)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostZaloAsync(follow, now)).StatusCode);

        var reply = Assert.Single(await platform.WaitForAsync(s => s.Count >= 1));
        Assert.Equal("u-5", reply.UserId);
        Assert.StartsWith("Xin chào", reply.Text);
        Assert.Single(host.Service<BotDatabase>().Inbox.FindAll());
        // The topics as buttons within Zalo's limit of 5; a tap sends the payload back as the citizen's text.
        var greeting = host.Service<LiveKnowledge>().Bot.Greeting;
        var buttons = reply.Body.GetProperty("message").GetProperty("attachment").GetProperty("payload").GetProperty("buttons").EnumerateArray().ToList();
        Assert.InRange(buttons.Count, 4, 5);
        Assert.Equal(greeting.Text, reply.Text);
        Assert.Equal(greeting.Choices.Select(c => (c.Title, c.Payload)),
            buttons.Select(b => (b.GetProperty("title").GetString()!, b.GetProperty("payload").GetString()!)));
        Assert.All(buttons, b => Assert.Equal("oa.query.hide", b.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task RejectsAnEventWithWrongTypesWith400()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString();
        var json = $$"""{"app_id":"{{RunningHost.ZaloAppId}}","sender":{"id":12345},"event_name":"user_send_text","message":{"text":"hi","msg_id":"m"},"timestamp":"{{now}}"}""";

        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostZaloAsync(json, now)).StatusCode);
        Assert.Equal(0, host.Service<BotDatabase>().Inbox.Count());
    }

    [Fact]
    public async Task RefreshesAnExpiredTokenAndKeepsTheRotatedRefreshTokenAcrossARestart()
    {
        platform.ExpireZaloAccessToken();
        var (first, t1) = TextEvent("u-6", "z-msg-6", "le phi cap giay phep xay dung");
        await host.PostZaloAsync(first, t1);
        await platform.WaitForAsync(s => s.Count >= 1);
        Assert.Equal(1, platform.TokenRefreshes);
        Assert.Equal("refresh-1", host.Service<BotDatabase>().Tokens.FindById("zalo").RefreshToken);

        // Restart: the configuration still holds refresh-0, which Zalo has already invalidated.
        await host.DisposeAsync();
        host = await RunningHost.StartAsync(platform, host.DataPath);
        platform.ExpireZaloAccessToken();
        var (second, t2) = TextEvent("u-6", "z-msg-7", "gia han giay phep xay dung");
        await host.PostZaloAsync(second, t2);

        await platform.WaitForAsync(s => s.Count >= 2);
        Assert.Equal(2, platform.Sent.Count);
        Assert.Equal(2, platform.TokenRefreshes);
    }

    [Fact]
    public async Task ANewRefreshTokenInConfigurationReplacesTheStoredChain()
    {
        platform.ExpireZaloAccessToken();
        var (first, t1) = TextEvent("u-7", "z-msg-8", "le phi cap giay phep xay dung");
        await host.PostZaloAsync(first, t1);
        await platform.WaitForAsync(s => s.Count >= 1);

        // The operator authorises the OA again: the stored chain is dead, the configured token is the new start.
        var reauthorised = platform.ReauthoriseZalo();
        await host.DisposeAsync();
        host = await RunningHost.StartAsync(platform, host.DataPath, new Dictionary<string, string?> { ["ReformBot:Zalo:RefreshToken"] = reauthorised });
        platform.ExpireZaloAccessToken();
        var (second, t2) = TextEvent("u-7", "z-msg-9", "gia han giay phep xay dung");
        await host.PostZaloAsync(second, t2);

        await platform.WaitForAsync(s => s.Count >= 2);
        Assert.Equal(2, platform.Sent.Count);
    }

    [Fact]
    public async Task RefusesAnUnsignedRequestBeforeReadingItAndTellsAStrangerNothingOfTheParser()
    {
        var unsigned = new HttpRequestMessage(HttpMethod.Post, "/webhooks/zalo") { Content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json") };
        var garbage = new HttpRequestMessage(HttpMethod.Post, "/webhooks/zalo") { Content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json") };
        garbage.Headers.Add(ReformBot.Host.Channels.Zalo.ZaloSignature.Header, "mac=" + new string('a', 64));

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.SendAsync(unsigned)).StatusCode);
        var refused = await host.Http.SendAsync(garbage);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var said = await refused.Content.ReadAsStringAsync();
        Assert.DoesNotContain("json", said, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("timestamp", said, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, host.Service<BotDatabase>().Inbox.Count());
    }

    [Fact]
    public async Task AnswersTheWordsOfASharedLinkAndNeverItsOwnMessages()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString();
        var link = $$$"""{"app_id":"{{{RunningHost.ZaloAppId}}}","sender":{"id":"u-link"},"recipient":{"id":"oa-1"},"event_name":"user_send_link","message":{"msg_id":"z-link-1","text":"thu tuc xin phep xay nha can gi","attachments":[{"type":"link","payload":{"url":"https://example.vn/a"}}]},"timestamp":"{{{now}}}"}""";
        var own = $$"""{"app_id":"{{RunningHost.ZaloAppId}}","sender":{"id":"oa-1"},"recipient":{"id":"oa-1"},"event_name":"user_send_text","message":{"msg_id":"z-own-1","text":"xin chao"},"timestamp":"{{now}}"}""";

        Assert.Equal(HttpStatusCode.OK, (await host.PostZaloAsync(own, now)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostZaloAsync(link, now)).StatusCode);

        var reply = Assert.Single(await platform.WaitForAsync(s => s.Count >= 1));
        Assert.Equal("u-link", reply.UserId);
        Assert.Contains("giấy phép xây dựng", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Single(host.Service<BotDatabase>().Inbox.FindAll());
    }
}
