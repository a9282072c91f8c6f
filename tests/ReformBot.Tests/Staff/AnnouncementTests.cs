using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReformBot.Core.Conversations;
using ReformBot.Core.Storage;
using ReformBot.Tests.Host;

namespace ReformBot.Tests.Staff;

/// <summary>
/// Citizens follow a procedure on Messenger and on Zalo; the pack changes on disk; staff approve the proposed notice;
/// it reaches those inside their platform's window once, and the one outside sees it when they next write.
/// </summary>
public sealed class AnnouncementTests : IAsyncLifetime
{
    private const string Procedure = "xd-gpxd-moi-nha-o-rieng-le";
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly string dataPath = RunningHost.NewDataPath();
    private FakePlatform platform = null!;
    private RunningHost host = null!;
    private string pack = "";

    public async Task InitializeAsync()
    {
        pack = Path.Combine(dataPath, "knowledge");
        SamplePack.CopyTo(pack);
        var token = RunningHost.AddStaff(dataPath, "minh", StaffRole.Admin);
        platform = await FakePlatform.StartAsync();
        host = await RunningHost.StartAsync(platform, dataPath,
            new Dictionary<string, string?> { ["ReformBot:KnowledgePath"] = pack, ["ReformBot:MessageWindowSeconds"] = "0" },
            b => b.Services.AddSingleton<TimeProvider>(clock));
        host.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await platform.DisposeAsync();
    }

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private Task FollowOnMessengerAsync(string psid) => host.PostFacebookAsync($$$$"""
        {"object":"page","entry":[{"id":"PAGE","time":1,"messaging":[
          {"sender":{"id":"{{{{psid}}}}"},"recipient":{"id":"PAGE"},"timestamp":{{{{Now}}}},
           "message":{"mid":"mid.follow.{{{{psid}}}}","text":"{{{{Bot.FollowTitle}}}}","quick_reply":{"payload":"{{{{new Tap.Follow(Procedure).Payload}}}}"}}}]}]}
        """);

    private Task FollowOnZaloAsync(string user)
    {
        // A Zalo button comes back as a message whose text is its payload.
        var (json, timestamp) = ZaloChannelTests.TextEvent(user, $"zmsg-follow-{user}", new Tap.Follow(Procedure).Payload, clock.GetUtcNow());
        return host.PostZaloAsync(json, timestamp);
    }

    [Fact]
    public async Task AProcedureChangeReachesItsFollowersInsideTheirWindowAndTheOthersWhenTheyNextWrite()
    {
        await FollowOnMessengerAsync("PSID-away");
        await host.WaitUntilIdleAsync();
        clock.Advance(TimeSpan.FromHours(25));
        await FollowOnMessengerAsync("PSID-near");
        await FollowOnZaloAsync("zalo-near");
        await host.WaitUntilIdleAsync();
        var confirmations = platform.Sent.Count;
        Assert.Equal(3, confirmations);

        var file = Path.Combine(pack, "procedures", $"{Procedure}.json");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("\"15 ngày kể từ", "\"10 ngày kể từ"));
        (await host.Http.PostAsync("/api/staff/knowledge/reload", null)).EnsureSuccessStatusCode();

        var drafts = await host.Http.GetFromJsonAsync<List<JsonElement>>("/api/staff/announcements?status=draft");
        var draft = Assert.Single(drafts!);
        Assert.Contains("thời hạn giải quyết rút từ 15 xuống 10 ngày", draft.GetProperty("text").GetString());
        Assert.Equal([Procedure], draft.GetProperty("procedureIds").EnumerateArray().Select(p => p.GetString()));
        var id = draft.GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.Accepted, (await host.Http.PostAsync($"/api/staff/announcements/{id}/send", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await host.Http.PostAsync($"/api/staff/announcements/{id}/send", null)).StatusCode);
        await host.WaitUntilIdleAsync();

        var notices = platform.Sent.Skip(confirmations).ToList();
        Assert.Equal(["PSID-near", "zalo-near"], notices.Select(n => n.UserId).Order());
        Assert.All(notices, n => Assert.Contains("rút từ 15 xuống 10 ngày", n.Text));
        var progress = await host.Http.GetFromJsonAsync<JsonElement>($"/api/staff/announcements/{id}");
        Assert.Equal(("sent", 3, 2, 0), (progress.GetProperty("status").GetString(), progress.GetProperty("recipients").GetInt32(),
            progress.GetProperty("delivered").GetInt32(), progress.GetProperty("failed").GetInt32()));
        var skipped = progress.GetProperty("skipped").EnumerateObject().Single();
        Assert.Equal((Core.Publishing.Announcements.OutsideMessengerWindow, 1), (skipped.Name, skipped.Value.GetInt32()));

        var today = Core.Escalation.OfficeHours.ToLocal(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
        var summary = await host.Http.GetFromJsonAsync<JsonElement>($"/api/staff/reports/summary?from={today}&to={today}");
        var reported = summary.GetProperty("notices");
        Assert.Equal((1, 3, 2), (reported.GetProperty("sent").GetInt32(), reported.GetProperty("recipients").GetInt32(), reported.GetProperty("delivered").GetInt32()));
        Assert.Equal(3, summary.GetProperty("subscriptions").GetProperty("following").GetInt32());

        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-away", "mid.away.back", "xin chao", Now));
        await host.WaitUntilIdleAsync();
        var seen = platform.Sent.Where(m => m.UserId == "PSID-away").Last();
        Assert.Contains("rút từ 15 xuống 10 ngày", seen.Text);
        Assert.Single(platform.Sent, m => m.UserId == "PSID-away" && m.Text.Contains("rút từ 15"));
    }

    [Fact]
    public async Task HuyTheoDoiStopsTheNoticesAndForgetsTheCitizen()
    {
        await FollowOnMessengerAsync("PSID-leaving");
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-leaving", "mid.leave", "huy theo doi", Now + 1000));
        await host.WaitUntilIdleAsync();

        Assert.Empty(host.Service<SubscriptionStore>().Of("facebook", "PSID-leaving"));
        Assert.Null(host.Service<ContactStore>().Find("facebook", "PSID-leaving"));
        Assert.StartsWith("Bạn đã hủy theo dõi", platform.Sent.Last().Text);
        Assert.Empty(host.Service<Core.Escalation.Tickets>().List());
    }

    [Fact]
    public async Task StaffWriteANoticeToAFieldAndBadDraftsAreRefused()
    {
        await FollowOnMessengerAsync("PSID-field");
        await host.WaitUntilIdleAsync();

        var bad = await host.Http.PostAsJsonAsync("/api/staff/announcements", new { title = "Lịch nghỉ", text = "Nghỉ lễ", audience = "subscribers" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        // Following a procedure is not following its field: the field's notice reaches those who follow it (none here).
        var created = await host.Http.PostAsJsonAsync("/api/staff/announcements",
            new { title = "Lịch tiếp công dân", text = "Bộ phận một cửa nghỉ chiều thứ Sáu.", procedureIds = new[] { Procedure }, audience = "subscribers" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Accepted, (await host.Http.PostAsync($"/api/staff/announcements/{id}/send", null)).StatusCode);
        await host.WaitUntilIdleAsync();

        Assert.Contains(platform.Sent, m => m.UserId == "PSID-field" && m.Text.StartsWith("Thông báo: Lịch tiếp công dân"));
    }

    private Task ZaloEventAsync(string name, string user)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString();
        var json = $$"""{"oa_id":"1","follower":{"id":"{{user}}"},"user_id_by_app":"2","event_name":"{{name}}","source":"oa_profile","app_id":"{{RunningHost.ZaloAppId}}","timestamp":"{{now}}"}""";
        return host.PostZaloAsync(json, now);
    }

    [Fact]
    public async Task ANoticeToTheOasFollowersReachesThoseWhoStillFollowIt()
    {
        await ZaloEventAsync("follow", "zalo-stays");
        await ZaloEventAsync("follow", "zalo-goes");
        await host.WaitUntilIdleAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        await ZaloEventAsync("unfollow", "zalo-goes");
        await host.WaitUntilIdleAsync();
        var greetings = platform.Sent.Count;

        var created = await host.Http.PostAsJsonAsync("/api/staff/announcements",
            new { title = "Dịch vụ công mới", text = "Từ tuần sau, thủ tục cấp phép xây dựng nộp trực tuyến toàn trình.", audience = "followers" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await host.Http.PostAsync($"/api/staff/announcements/{id}/send", null)).EnsureSuccessStatusCode();
        await host.WaitUntilIdleAsync();

        Assert.Equal(["zalo-stays"], platform.Sent.Skip(greetings).Select(m => m.UserId));
        Assert.Equal(1, (await host.Http.GetFromJsonAsync<JsonElement>($"/api/staff/announcements/{id}")).GetProperty("delivered").GetInt32());
    }

    [Fact]
    public async Task AnOaWithAPromotionQuotaReachesItsFollowersOutsideTheWindowThatWay()
    {
        await using var promoted = await RunningHost.StartAsync(platform, extra: new Dictionary<string, string?>
        {
            ["ReformBot:Zalo:PromotionNotices"] = "true", ["ReformBot:MessageWindowSeconds"] = "0",
        });
        var contacts = promoted.Service<ContactStore>();
        var longAgo = DateTime.UtcNow.AddDays(-10);
        foreach (var (user, follows) in new[] { ("zalo-follower", true), ("zalo-left", false) })
        {
            var contact = contacts.Get("zalo", user, longAgo);
            contact.FollowsOa = follows;
            contacts.Save(contact);
            promoted.Service<SubscriptionStore>().Add(new Subscription { Channel = "zalo", UserId = user, ProcedureId = Procedure, At = longAgo });
        }
        var announcements = promoted.Service<Core.Publishing.Announcements>();
        var id = announcements.Draft("Thay đổi lệ phí", "Lệ phí cấp giấy phép xây dựng nhà ở nay là 75.000 đồng.", [Procedure], null,
            AnnouncementAudience.Subscribers, "minh");

        Assert.Null(announcements.Send(id, "minh"));
        await promoted.WaitUntilIdleAsync();

        var promotion = Assert.Single(platform.Sent);
        Assert.Equal("zalo-follower", promotion.UserId);
        Assert.Equal("Thông báo: Thay đổi lệ phí\nLệ phí cấp giấy phép xây dựng nhà ở nay là 75.000 đồng.", promotion.Text);
        Assert.Equal("promotion", promotion.Body.GetProperty("message").GetProperty("attachment").GetProperty("payload").GetProperty("template_type").GetString());
        var progress = announcements.Progress(id)!;
        Assert.Equal((2, 1, 1), (progress.Recipients, progress.Delivered, progress.Skipped[Core.Publishing.Announcements.OutsideZaloWindow]));
    }
}
