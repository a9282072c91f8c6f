using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReformBot.Core.Escalation;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Staff;
using ReformBot.Tests.Host;
using static Microsoft.Playwright.Assertions;

namespace ReformBot.Tests.Staff;

/// <summary>The reports page in Debian's chromium: from the queue's header to the charts and the download.</summary>
[Trait("Speed", "Slow")]
public sealed class ReportPageBrowserTests : IAsyncLifetime
{
    private const string Building = "Hoạt động xây dựng";
    private readonly string dataPath = RunningHost.NewDataPath();
    private FakePlatform platform = null!;
    private RunningHost host = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync()
    {
        using (var staffFile = new StaffDatabase(dataPath)) new StaffStore(staffFile, TimeProvider.System).Add("lan", StaffRole.Staff, "mat-khau-cua-lan");
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
