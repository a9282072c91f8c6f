using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReformBot.Core.Escalation;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Staff;
using ReformBot.Tests.Host;
using static Microsoft.Playwright.Assertions;

namespace ReformBot.Tests.Staff;

/// <summary>The staff console in Debian's chromium against the real host: tickets, notices, reports.</summary>
[Trait("Speed", "Slow")]
public sealed class StaffConsoleBrowserTests : IAsyncLifetime
{
    private const float Wait = 10_000;
    private const string Building = "Hoạt động xây dựng";
    private readonly string dataPath = RunningHost.NewDataPath();
    private FakePlatform platform = null!;
    private RunningHost host = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync()
    {
        RunningHost.AddStaff(dataPath, "lan", StaffRole.Staff);
        platform = await FakePlatform.StartAsync();
        host = await RunningHost.StartAsync(platform, dataPath, new Dictionary<string, string?> { ["ReformBot:MessageWindowSeconds"] = "0" });
        (playwright, browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (host is not null) await host.DisposeAsync();
        if (platform is not null) await platform.DisposeAsync();
    }

    [Fact]
    public async Task LogsInOpensTheNewestTicketRepliesAndSeesItAnswered()
    {
        const string hostile = "<script>window.pwned=1</script>\"><img src=x onerror=\"window.pwned=2\"> gia vang hom nay";
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-B1", "mid.b1", hostile.Replace("\"", "\\\"")));
        var acknowledgement = (await platform.WaitForAsync(s => s.Count >= 1)).Single();
        var number = Regex.Match(acknowledgement.Text, @"HC-\d{4}-\d{6}").Value;
        Assert.NotEmpty(number);
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-B1", "mid.b2", "cho toi gap can bo"));
        Assert.Contains(number, (await platform.WaitForAsync(s => s.Count >= 2)).Last().Text);

        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 420, Height = 860 }, Locale = "vi-VN" });
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, "/staff").ToString());
        await Expect(page).ToHaveURLAsync(new Regex("/staff/login"));
        await page.GetByLabel("Tên đăng nhập").FillAsync("lan");
        await page.GetByLabel("Mật khẩu").FillAsync("mat-khau-cua-lan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = number }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(number, new() { Timeout = Wait });
        await Expect(page.Locator(".msg.citizen").First).ToContainTextAsync("<script>window.pwned=1</script>");
        Assert.Null(await page.EvaluateAsync<int?>("window.pwned"));

        var draft = page.Locator("button.draft").First;
        await draft.ClickAsync();
        var expectedDraft = await draft.GetAttributeAsync("data-answer");
        Assert.False(string.IsNullOrWhiteSpace(expectedDraft));
        await Expect(page.GetByLabel("Trả lời người dân")).ToHaveValueAsync(expectedDraft!);

        await page.GetByLabel("Trả lời người dân").FillAsync("Chào bạn, Sở Xây dựng không công bố giá vàng. Bạn xem tại ngân hàng nhé.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi trả lời" }).ClickAsync();

        await Expect(page.Locator("body")).ToContainTextAsync("Đã gửi trả lời", new() { Timeout = Wait });
        await Expect(page.Locator("body")).ToContainTextAsync("Đã trả lời");
        await Expect(page.Locator(".msg.staff")).ToContainTextAsync("không công bố giá vàng");
        var reply = (await platform.WaitForAsync(s => s.Count >= 3)).Last();
        Assert.Equal("PSID-B1", reply.UserId);
        Assert.StartsWith("Chào bạn, Sở Xây dựng không công bố giá vàng", reply.Text);
        Assert.Null(await page.EvaluateAsync<int?>("window.pwned"));
    }

    [Fact]
    public async Task RefusesAFormPostedWithoutTheAntiforgeryToken()
    {
        var response = await host.Http.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "lan", ["password"] = "mat-khau-cua-lan",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task WritesANoticeToAFieldsFollowersApprovesItAndSeesItDelivered()
    {
        var follow = new ReformBot.Core.Conversations.Tap.FollowField("Hoạt động xây dựng").Payload;
        await host.PostFacebookAsync($$$$"""
            {"object":"page","entry":[{"id":"PAGE","time":1,"messaging":[
              {"sender":{"id":"PSID-F1"},"recipient":{"id":"PAGE"},"timestamp":{{{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}}},
               "message":{"mid":"mid.f1","text":"Theo dõi lĩnh vực","quick_reply":{"payload":"{{{{follow}}}}"}}}]}]}
            """);
        await host.WaitUntilIdleAsync();

        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 420, Height = 860 }, Locale = "vi-VN" });
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, "/staff/announcements").ToString());
        await page.GetByLabel("Tên đăng nhập").FillAsync("lan");
        await page.GetByLabel("Mật khẩu").FillAsync("mat-khau-cua-lan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, "/staff/announcements").ToString());

        await page.GetByPlaceholder("Tiêu đề").FillAsync("Tạm dừng tiếp nhận hồ sơ chiều thứ Sáu");
        await page.GetByPlaceholder("Nội dung gửi người dân").FillAsync("Chiều thứ Sáu tuần này Bộ phận một cửa tạm dừng tiếp nhận hồ sơ xây dựng.");
        await page.GetByLabel("Lĩnh vực", new() { Exact = true }).SelectOptionAsync("Hoạt động xây dựng");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("Đã lưu bản nháp", new() { Timeout = Wait });
        await page.GetByRole(AriaRole.Button, new() { Name = "Duyệt và gửi" }).ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("thông báo đang được gửi", new() { Timeout = Wait });

        var notice = (await platform.WaitForAsync(s => s.Any(m => m.Text.StartsWith("Thông báo: Tạm dừng")))).Single(m => m.Text.StartsWith("Thông báo:"));
        Assert.Equal("PSID-F1", notice.UserId);
        await host.WaitUntilIdleAsync();
        await page.ReloadAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("Người nhận 1: đã gửi 1, lỗi 0, đang gửi 0", new() { Timeout = Wait });
    }

    [Fact]
    public async Task ShowsTheQuartersFiguresAsBarChartsAndOffersTheFiles()
    {
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-P1", "mid.p1", "thu tuc xin phep xay nha o can gi"));
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-P2", "mid.p2", "thủ tục xin phép xây nhà ở cần gì"));
        await host.WaitUntilIdleAsync();
        var ratings = host.Service<RatingStore>();
        ratings.Add(new Rating { At = DateTime.UtcNow, Channel = "facebook", Kind = RatingKind.Answer, Score = 1, Field = Building });
        ratings.Add(new Rating { At = DateTime.UtcNow, Channel = "facebook", Kind = RatingKind.Answer, Score = 0, Field = Building });
        ratings.Add(new Rating { At = DateTime.UtcNow, Channel = "facebook", Kind = RatingKind.Ticket, Score = 5, Field = Building });

        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 420, Height = 860 }, Locale = "vi-VN" });
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, "/staff").ToString());
        await page.GetByLabel("Tên đăng nhập").FillAsync("lan");
        await page.GetByLabel("Mật khẩu").FillAsync("mat-khau-cua-lan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Báo cáo" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/staff/reports$"));
        var quarter = ReportPeriod.QuarterOf(DateOnly.FromDateTime(OfficeHours.ToLocal(DateTime.UtcNow)));
        await Expect(page.Locator("main")).ToContainTextAsync(quarter.Text);

        var questions = page.Locator($"#questions-chart g.bar[data-field=\"{Building}\"]");
        await Expect(questions.Locator("rect.answered")).ToBeVisibleAsync();
        await Expect(questions.Locator("rect.answered title")).ToHaveTextAsync($"{Building}: 2 bot trả lời");
        await Expect(questions.Locator("text.value")).ToHaveTextAsync("2");
        var satisfaction = page.Locator($"#satisfaction-chart g.bar[data-field=\"{Building}\"]");
        await Expect(satisfaction.Locator("rect.yes")).ToBeVisibleAsync();
        await Expect(satisfaction.Locator("rect.yes title")).ToContainTextAsync("50% câu trả lời được đánh giá \"Có\" (1/2)");
        await Expect(satisfaction.Locator("text.value")).ToHaveTextAsync("50% · 5,0/5");
        await Expect(page.Locator("#by-field")).ToContainTextAsync(Building);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Bảng tính (XLSX)" }).ClickAsync());
        Assert.Equal($"Báo cáo hỗ trợ TTHC {quarter.Text}.xlsx", download.SuggestedFilename);

        await page.GetByLabel("Từ ngày").FillAsync("2026-12-31");
        await page.GetByLabel("Đến ngày").FillAsync("2026-10-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Expect(page.Locator(".error")).ToContainTextAsync("phải trước hoặc trùng ngày kết thúc");
        await Expect(page.Locator("#questions-chart")).ToHaveCountAsync(0);
    }
}
