using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReformBot.Core.Escalation;
using ReformBot.Core.Storage;
using ReformBot.Host.Staff;
using ReformBot.Tests.Host;

namespace ReformBot.Tests.Staff;

public sealed class StaffApiTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly string dataPath = RunningHost.NewDataPath();
    private FakePlatform platform = null!;
    private RunningHost host = null!;
    private string staffToken = "";
    private string adminToken = "";

    public async Task InitializeAsync()
    {
        using (var staffFile = new StaffDatabase(dataPath))
        {
            var staff = new StaffStore(staffFile, TimeProvider.System);
            staff.Add("lan", StaffRole.Staff, "mat-khau-cua-lan");
            staff.Add("minh", StaffRole.Admin, "mat-khau-cua-minh");
            staffToken = staff.IssueToken("lan")!;
            adminToken = staff.IssueToken("minh")!;
        }
        platform = await FakePlatform.StartAsync();
        await StartHostAsync(humanAgent: true);
    }

    private async Task StartHostAsync(bool humanAgent)
    {
        host = await RunningHost.StartAsync(platform, dataPath,
            new Dictionary<string, string?> { ["ReformBot:MessageWindowSeconds"] = "0", ["ReformBot:Facebook:HumanAgentTag"] = humanAgent ? "true" : "false" },
            b => b.Services.AddSingleton<TimeProvider>(clock));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await platform.DisposeAsync();
    }

    private HttpRequestMessage As(string token, HttpMethod method, string url, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }

    private async Task<string> EscalateAsync(string psid, string question)
    {
        var before = platform.Sent.Count(m => m.UserId == psid);
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent(psid, $"mid.{Guid.NewGuid():N}", question));
        var sent = await platform.WaitForAsync(s => s.Count(m => m.UserId == psid) > before);
        return sent.Last(m => m.UserId == psid).Text;
    }

    private async Task<List<JsonElement>> TicketsAsync(string query = "") =>
        await (await host.Http.SendAsync(As(staffToken, HttpMethod.Get, "/api/staff/tickets" + query))).Content.ReadFromJsonAsync<List<JsonElement>>() ?? [];

    [Fact]
    public async Task AnUnansweredQuestionOpensATicketWhoseNumberTheCitizenReceives()
    {
        var acknowledgement = await EscalateAsync("PSID-T1", "gia vang hom nay bao nhieu");

        var ticket = Assert.Single(await TicketsAsync("?status=open"));
        var number = ticket.GetProperty("number").GetString()!;
        Assert.Matches(@"^HC-\d{4}-\d{6}$", number);
        Assert.Contains(number, acknowledgement);
        Assert.Contains("trả lời bạn tại đây trước", acknowledgement);
        Assert.Equal("gia vang hom nay bao nhieu", ticket.GetProperty("question").GetString());
        Assert.Equal("facebook", ticket.GetProperty("channel").GetString());
        Assert.DoesNotContain("PSID-T1", ticket.GetRawText());
    }

    /// <summary>Readable for someone calling the API by hand, and still safe to drop into a page.</summary>
    [Fact]
    public async Task TheApiWritesVietnameseLettersAsTheyAreAndEscapesHtml()
    {
        await EscalateAsync("PSID-T9", "giá vàng hôm nay <b>bao nhiêu</b>");

        var raw = await (await host.Http.SendAsync(As(staffToken, HttpMethod.Get, "/api/staff/tickets?status=open"))).Content.ReadAsStringAsync();

        Assert.Contains("giá vàng hôm nay", raw);
        Assert.Contains("\\u003Cb\\u003E", raw);
        Assert.DoesNotContain("<b>", raw);
    }

    [Fact]
    public async Task AStaffReplyGoesOutAsAResponseWithin24HoursAndWithTheHumanAgentTagAfter()
    {
        await EscalateAsync("PSID-T2", "gia vang hom nay bao nhieu");
        var number = (await TicketsAsync()).Single().GetProperty("number").GetString()!;

        var first = await host.Http.SendAsync(As(staffToken, HttpMethod.Post, $"/api/staff/tickets/{number}/reply", new { text = "Chào bạn, Sở không công bố giá vàng." }));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var reply = (await platform.WaitForAsync(s => s.Count(m => m.UserId == "PSID-T2") >= 2)).Last(m => m.UserId == "PSID-T2");
        Assert.Equal("Chào bạn, Sở không công bố giá vàng.", reply.Text);
        Assert.Equal("RESPONSE", reply.Body.GetProperty("messaging_type").GetString());

        clock.Advance(TimeSpan.FromHours(30));
        var late = await host.Http.SendAsync(As(staffToken, HttpMethod.Post, $"/api/staff/tickets/{number}/reply", new { text = "Bổ sung thêm thông tin." }));
        Assert.Equal(HttpStatusCode.Accepted, late.StatusCode);
        var tagged = (await platform.WaitForAsync(s => s.Count(m => m.UserId == "PSID-T2") >= 3)).Last(m => m.UserId == "PSID-T2");
        Assert.Equal("MESSAGE_TAG", tagged.Body.GetProperty("messaging_type").GetString());
        Assert.Equal("HUMAN_AGENT", tagged.Body.GetProperty("tag").GetString());

        var full = await (await host.Http.SendAsync(As(staffToken, HttpMethod.Get, $"/api/staff/tickets/{number}"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("answered", full.GetProperty("status").GetString());
        Assert.Contains(full.GetProperty("actions").EnumerateArray(), a => a.GetProperty("actor").GetString() == "lan" && a.GetProperty("kind").GetString() == "replied" && (a.GetProperty("text").GetString() ?? "").Contains("HUMAN_AGENT"));
    }

    [Fact]
    public async Task WithoutHumanAgentPermissionALateReplyIsRefusedAndTheTicketSaysWhy()
    {
        await host.DisposeAsync();
        await StartHostAsync(humanAgent: false);
        await EscalateAsync("PSID-T3", "gia vang hom nay bao nhieu");
        var number = (await TicketsAsync()).Single().GetProperty("number").GetString()!;
        clock.Advance(TimeSpan.FromHours(30));

        var response = await host.Http.SendAsync(As(staffToken, HttpMethod.Post, $"/api/staff/tickets/{number}/reply", new { text = "Xin lỗi vì trả lời muộn." }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var ticket = (await TicketsAsync()).Single();
        Assert.Equal("open", ticket.GetProperty("status").GetString());
        Assert.Contains("24 giờ", ticket.GetProperty("deliveryError").GetString());
        Assert.Single(platform.Sent, m => m.UserId == "PSID-T3");
    }

    [Fact]
    public async Task AReplyThePlatformRefusesLeavesTheTicketOpenWithThePlatformsError()
    {
        await EscalateAsync("PSID-T7", "gia vang hom nay bao nhieu");
        var number = (await TicketsAsync()).Single().GetProperty("number").GetString()!;
        platform.FailNext(1, 400, body: new { error = new { message = "This person isn't available right now.", type = "OAuthException", code = 551, error_subcode = 1545041 } });

        await host.Http.SendAsync(As(staffToken, HttpMethod.Post, $"/api/staff/tickets/{number}/reply", new { text = "Chào bạn." }));

        var ticket = (await TicketsAsync()).Single();
        for (var i = 0; i < 40 && ticket.GetProperty("deliveryError").ValueKind == JsonValueKind.Null; i++)
        {
            await Task.Delay(100);
            ticket = (await TicketsAsync()).Single();
        }
        Assert.Equal("open", ticket.GetProperty("status").GetString());
        Assert.Contains("551", ticket.GetProperty("deliveryError").GetString());
        Assert.Equal(OutboxStateFailed, host.Service<ReformBot.Core.Storage.BotDatabase>().Outbox.FindAll().Single(o => o.TicketNumber == number).State);
    }

    private const ReformBot.Core.Storage.OutboxState OutboxStateFailed = ReformBot.Core.Storage.OutboxState.Failed;

    [Fact]
    public async Task AccountsAddedWhileTheHostRunsCanUseTheApiAtOnce()
    {
        string token;
        using (var staffFile = new StaffDatabase(dataPath))
        {
            var staff = new StaffStore(staffFile, TimeProvider.System);
            Assert.True(staff.Add("hoa", StaffRole.Staff, "mat-khau-cua-hoa"));
            token = staff.IssueToken("hoa")!;
        }

        Assert.Equal(HttpStatusCode.OK, (await host.Http.SendAsync(As(token, HttpMethod.Get, "/api/staff/tickets"))).StatusCode);
        using (var staffFile = new StaffDatabase(dataPath)) new StaffStore(staffFile, TimeProvider.System).RevokeTokens("hoa");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.SendAsync(As(token, HttpMethod.Get, "/api/staff/tickets"))).StatusCode);
    }

    [Fact]
    public async Task RefusesAnonymousUnknownAndWrongRoleRequests()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.GetAsync("/api/staff/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.SendAsync(As("rbt_000000000000_nope", HttpMethod.Get, "/api/staff/tickets"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Http.SendAsync(As(staffToken, HttpMethod.Post, "/api/staff/knowledge/reload"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.SendAsync(As(adminToken, HttpMethod.Post, "/api/staff/knowledge/reload"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.SendAsync(As(staffToken, HttpMethod.Get, "/openapi/v1.json"))).StatusCode);
    }

    [Fact]
    public async Task ASavedFaqAnswersTheSameQuestionAtOnce()
    {
        const string question = "gia ve xe khach di sai gon bao nhieu";
        await EscalateAsync("PSID-T4", question);
        var number = (await TicketsAsync()).Single().GetProperty("number").GetString()!;

        var saved = await host.Http.SendAsync(As(staffToken, HttpMethod.Post, $"/api/staff/tickets/{number}/faq",
            new { question = "Giá vé xe khách đi Sài Gòn bao nhiêu?", answer = "Giá vé xe khách do nhà xe niêm yết; Sở Xây dựng không quản lý giá vé." }));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var answer = await EscalateAsync("PSID-T5", question);
        Assert.StartsWith("Giá vé xe khách do nhà xe niêm yết", answer);
        Assert.Single(await TicketsAsync());
    }

    [Fact]
    public async Task TheBotStaysQuietWhileStaffOwnTheConversationUntilTheCitizenLeaves()
    {
        await EscalateAsync("PSID-T6", "gia vang hom nay bao nhieu");
        var number = (await TicketsAsync()).Single().GetProperty("number").GetString()!;
        host.Service<Tickets>().Claim(number, "lan");

        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-T6", "mid.t6b", "le phi cap giay phep xay dung"));
        await host.WaitUntilIdleAsync();
        Assert.Single(platform.Sent, m => m.UserId == "PSID-T6");
        Assert.Contains(host.Service<Tickets>().Find(number)!.Messages, m => m.Text == "le phi cap giay phep xay dung");

        var back = await EscalateAsync("PSID-T6", "ket thuc");
        Assert.Contains("quay lại trò chuyện với trợ lý tự động", back);
        var answer = await EscalateAsync("PSID-T6", "le phi cap giay phep xay dung nha o");
        Assert.DoesNotContain(number, answer);
    }
}
