using System.Net;
using System.Text;
using ReformBot.Core.Knowledge;
using ReformBot.Core.Storage;

namespace ReformBot.Tests.Host;

public sealed class FacebookChannelTests : HostTest
{
    internal static string TextEvent(string psid, string mid, string text, long timestamp = 1764200000000) => $$$"""
        {"object":"page","entry":[{"id":"PAGE","time":{{{timestamp}}},"messaging":[
          {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"PAGE"},"timestamp":{{{timestamp}}},"message":{"mid":"{{{mid}}}","text":"{{{text}}}"}}]}]}
        """;

    [Fact]
    public async Task AnswersASignedTextMessageThroughTheSendApi()
    {
        var response = await host.PostFacebookAsync(TextEvent("PSID1", "mid.1", "thu tuc xin phep xay nha can gi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await platform.WaitForAsync(s => s.Count >= 1);
        var reply = Assert.Single(sent);
        Assert.Equal("PSID1", reply.UserId);
        Assert.Contains("giấy phép xây dựng", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("RESPONSE", reply.Body.GetProperty("messaging_type").GetString());
    }

    [Fact]
    public async Task OffersCandidatesAsQuickRepliesWithEntryIdsAsPayloads()
    {
        await host.PostFacebookAsync(TextEvent("PSID2", "mid.2", "chung chi"));

        var reply = Assert.Single(await platform.WaitForAsync(s => s.Count >= 1));
        var quickReplies = reply.Body.GetProperty("message").GetProperty("quick_replies").EnumerateArray().ToList();
        Assert.InRange(quickReplies.Count, 2, 13);
        Assert.All(quickReplies, q => Assert.InRange(q.GetProperty("title").GetString()!.Length, 1, 20));
        var entryIds = new SamplePack().Pack.Entries.Select(e => e.Id).ToHashSet();
        Assert.All(quickReplies, q => Assert.Contains(q.GetProperty("payload").GetString()!, entryIds));
    }

    [Fact]
    public async Task RefusesABadSignatureAndStoresNothing()
    {
        var json = TextEvent("PSID3", "mid.3", "xin chao");
        var wrong = await host.PostFacebookAsync(json, "sha256=" + new string('0', 64));
        var missing = await host.Http.PostAsync("/webhooks/facebook", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(0, host.Service<BotDatabase>().Inbox.Count());
    }

    [Fact]
    public async Task RejectsMalformedJsonWith400AndStoresNothing()
    {
        var response = await host.PostFacebookAsync("{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":");
        var wrongType = await host.PostFacebookAsync("{\"object\":\"page\",\"entry\":\"not an array\"}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(0, host.Service<BotDatabase>().Inbox.Count());
    }

    [Fact]
    public async Task RefusesABodyOverTheLimitWith413()
    {
        var response = await host.PostFacebookAsync(TextEvent("PSID4", "mid.4", new string('a', 300 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, host.Service<BotDatabase>().Inbox.Count());
    }

    [Fact]
    public async Task AnswersARedeliveredEventOnce()
    {
        var json = TextEvent("PSID5", "mid.5", "le phi cap giay phep xay dung");
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await host.PostFacebookAsync(json)).StatusCode);

        await platform.WaitForAsync(s => s.Count >= 1);
        await host.WaitUntilIdleAsync();
        Assert.Single(platform.Sent);
    }

    [Fact]
    public async Task AnswersMessagesSentInARowAsOneTurn()
    {
        await host.PostFacebookAsync(TextEvent("PSID6", "mid.6a", "cho em hoi", 1764200000000));
        await host.PostFacebookAsync(TextEvent("PSID6", "mid.6b", "xin phep xay nha o", 1764200000500));
        await host.PostFacebookAsync(TextEvent("PSID6", "mid.6c", "can giay to gi a", 1764200001000));

        await platform.WaitForAsync(s => s.Count >= 1);
        await host.WaitUntilIdleAsync();
        var reply = Assert.Single(platform.Sent);
        Assert.Contains("giấy phép xây dựng", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task IgnoresEchoesDeliveriesAndReadsAndAnswersAttachmentsPolitely()
    {
        var json = """
            {"object":"page","entry":[{"id":"PAGE","time":1,"messaging":[
              {"sender":{"id":"PAGE"},"recipient":{"id":"PSID7"},"timestamp":1,"message":{"mid":"mid.echo","text":"hi","is_echo":true}},
              {"sender":{"id":"PSID7"},"recipient":{"id":"PAGE"},"timestamp":2,"delivery":{"mids":["x"],"watermark":1}},
              {"sender":{"id":"PSID7"},"recipient":{"id":"PAGE"},"timestamp":3,"read":{"watermark":1}},
              {"sender":{"id":"PSID7"},"recipient":{"id":"PAGE"},"timestamp":4,"message":{"mid":"mid.img","attachments":[{"type":"image","payload":{"url":"https://x"}}]}}]}]}
            """;
        Assert.Equal(HttpStatusCode.OK, (await host.PostFacebookAsync(json)).StatusCode);

        var reply = Assert.Single(await platform.WaitForAsync(s => s.Count >= 1));
        Assert.Equal("PSID7", reply.UserId);
        Assert.Contains("chỉ đọc được tin nhắn dạng chữ", reply.Text);
        await host.WaitUntilIdleAsync();
        Assert.Single(platform.Sent);
    }

    [Fact]
    public async Task AnswersTheChosenEntryWhenAQuickReplyIsTapped()
    {
        var json = """
            {"object":"page","entry":[{"id":"PAGE","time":1,"messaging":[
              {"sender":{"id":"PSID8"},"recipient":{"id":"PAGE"},"timestamp":1764200000000,
               "message":{"mid":"mid.qr","text":"2. Cấp lại","quick_reply":{"payload":"xd-gpxd-cap-lai-nha-o"}}}]}]}
            """;
        await host.PostFacebookAsync(json);

        var reply = Assert.Single(await platform.WaitForAsync(s => s.Count >= 1));
        Assert.StartsWith("Cấp lại giấy phép xây dựng", reply.Text);
    }

    [Fact]
    public async Task GreetsOnGetStartedWithTheTopicsAsQuickRepliesThatAskTheIndex()
    {
        var pack = PackLoader.Load(SamplePack.Directory).Pack!;
        await host.PostFacebookAsync("""
            {"object":"page","entry":[{"id":"PAGE","time":1,"messaging":[
              {"sender":{"id":"PSID-GS"},"recipient":{"id":"PAGE"},"timestamp":1764200000000,"postback":{"title":"Bắt đầu","payload":"GET_STARTED","mid":"pb.gs"}}]}]}
            """);

        var greeting = Assert.Single(await platform.WaitForAsync(s => s.Count >= 1));
        Assert.Equal(pack.Faq.Single(f => f.Id == "bot-chao-hoi").Answer, greeting.Text);
        var topics = greeting.Body.GetProperty("message").GetProperty("quick_replies").EnumerateArray()
            .Select(q => (Title: q.GetProperty("title").GetString()!, Payload: q.GetProperty("payload").GetString()!)).ToList();
        Assert.InRange(topics.Count, 4, 6);
        Assert.All(topics, t => Assert.Equal(char.ToUpperInvariant(t.Payload[0]) + t.Payload[1..], t.Title)); // whole, not numbered

        var (title, payload) = topics[0];
        await host.PostFacebookAsync($$$$"""
            {"object":"page","entry":[{"id":"PAGE","time":1,"messaging":[
              {"sender":{"id":"PSID-GS"},"recipient":{"id":"PAGE"},"timestamp":1764200001000,
               "message":{"mid":"mid.gs","text":"{{{{title}}}}","quick_reply":{"payload":"{{{{payload}}}}"}}}]}]}
            """);

        var answer = (await platform.WaitForAsync(s => s.Count >= 2))[1];
        var procedure = Assert.Single(pack.Procedures, p => p.Keywords.Contains(payload));
        Assert.StartsWith(procedure.Name, answer.Text);
        Assert.Contains(procedure.ProcessingTime, answer.Text);
    }

    [Fact]
    public async Task AnswersTheSubscriptionCheckOnlyWithTheVerifyToken()
    {
        var ok = await host.Http.GetAsync("/webhooks/facebook?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444");
        var wrong = await host.Http.GetAsync("/webhooks/facebook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444");

        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
    }

    [Fact]
    public async Task DeliversExactlyOnceAfterThePlatformFailsWith500And429()
    {
        platform.FailNext(3, 500);
        await host.PostFacebookAsync(TextEvent("PSID9", "mid.9", "dang ky tai khoan dich vu cong"));
        await platform.WaitForAsync(s => s.Count >= 1);
        platform.FailNext(2, 429, TimeSpan.FromSeconds(1));
        await host.PostFacebookAsync(TextEvent("PSID9", "mid.10", "quen mat khau dich vu cong", 1764200009000));

        await platform.WaitForAsync(s => s.Count >= 2);
        await host.WaitUntilIdleAsync();
        Assert.Equal(2, platform.Sent.Count);
        Assert.Equal(5, platform.FailedRequests);
        Assert.All(host.Service<BotDatabase>().Outbox.FindAll(), o => Assert.Equal(OutboxState.Delivered, o.State));
    }

    [Fact]
    public async Task IgnoresThePagesOwnMessagesWhateverTheirEchoFlag()
    {
        const string own = """
            {"object":"page","entry":[{"id":"PAGE","time":1764200000000,"messaging":[
              {"sender":{"id":"PAGE"},"recipient":{"id":"PSID9"},"timestamp":1764200000000,"message":{"mid":"mid.own","text":"Chào bạn"}}]}]}
            """;

        Assert.Equal(HttpStatusCode.OK, (await host.PostFacebookAsync(own)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostFacebookAsync(TextEvent("PSID9", "mid.9", "xin chao"))).StatusCode);

        var reply = Assert.Single(await platform.WaitForAsync(s => s.Count >= 1));
        Assert.Equal("PSID9", reply.UserId);
        Assert.Single(host.Service<BotDatabase>().Inbox.FindAll());
    }
}
