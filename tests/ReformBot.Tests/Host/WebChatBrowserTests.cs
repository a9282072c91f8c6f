using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReformBot.Core.Knowledge;
using static Microsoft.Playwright.Assertions;

namespace ReformBot.Tests.Host;

/// <summary>
/// The web chat page in a real browser (Debian's chromium, headless) against the real host: the greeting with its
/// topics, typing, candidate buttons, escalation, and the phone-sized screenshot used in the README (docs/webchat.png).
/// </summary>
[Trait("Speed", "Slow")]
public sealed class WebChatBrowserTests : IAsyncLifetime
{
    private const float Wait = 10_000;

    private FakePlatform platform = null!;
    private RunningHost host = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync()
    {
        platform = await FakePlatform.StartAsync();
        host = await RunningHost.StartAsync(platform);
        (playwright, browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        // Null-tolerant: InitializeAsync may have stopped early (no chromium).
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (host is not null) await host.DisposeAsync();
        if (platform is not null) await platform.DisposeAsync();
    }

    /// <summary>A phone-sized page on the host's "/", collecting script errors.</summary>
    private async Task<(IPage Page, List<string> Errors)> OpenAsync()
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 420, Height = 860 },
            DeviceScaleFactor = 2,
            Locale = "vi-VN",
        });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(host.Http.BaseAddress!.ToString());
        return (page, errors);
    }

    [Fact]
    public async Task GreetsOnTheFirstScreenWithTopicsAndAnswersATappedOneFromTheIndex()
    {
        var pack = PackLoader.Load(SamplePack.Directory).Pack!;
        var (page, errors) = await OpenAsync();
        var bot = page.Locator("li.bubble.bot");

        // Without typing anything: the pack's greeting and its topics, all on the first screen.
        var greeting = bot.First;
        await Expect(greeting).ToContainTextAsync("Xin chào! Tôi là trợ lý tự động của Sở Xây dựng tỉnh Đắk Lắk (dữ liệu mẫu).", new() { Timeout = Wait });
        var topics = greeting.Locator(".choices button");
        await Expect(topics.Nth(3)).ToBeVisibleAsync(new() { Timeout = Wait });
        Assert.InRange(await topics.CountAsync(), 4, 6);
        for (var i = 0; i < await topics.CountAsync(); i++) await Expect(topics.Nth(i)).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(page.Locator("li.bubble.me")).ToHaveCountAsync(0);

        // A tapped topic is asked as a question: the answer is the procedure whose keyword the topic is.
        var title = (await topics.First.TextContentAsync())!.Trim();
        var procedure = Assert.Single(pack.Procedures, p => p.Keywords.Any(k => string.Equals(k, title, StringComparison.OrdinalIgnoreCase)));
        await topics.First.ClickAsync();
        await Expect(page.Locator("li.bubble.me")).ToHaveTextAsync(title);
        await Expect(bot).ToHaveCountAsync(2, new() { Timeout = Wait });
        await Expect(bot.Nth(1)).ToHaveTextAsync(new Regex(@"^\s*" + Regex.Escape(procedure.Name)), new() { Timeout = Wait });
        await Expect(bot.Nth(1)).ToContainTextAsync(procedure.ProcessingTime);
        await Expect(topics.First).ToBeEnabledAsync(); // the topics stay for another question
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AnswersAnUnaccentedQuestionAChoiceClickAndEscalatesInTheBrowser()
    {
        var (page, errors) = await OpenAsync();
        var bot = page.Locator("li.bubble.bot");
        await Expect(bot).ToHaveCountAsync(1, new() { Timeout = Wait }); // the greeting

        // An ambiguous unaccented question: the reply offers candidate buttons.
        await AskAsync(page, "chung chi");
        await Expect(bot).ToHaveCountAsync(2, new() { Timeout = Wait });
        var offer = bot.Nth(1); // locators resolve lazily: pin the bubble, not "the last one"
        await Expect(offer).ToHaveTextAsync(new Regex(@"^\s*Có phải bạn muốn hỏi"), new() { Timeout = Wait });
        var buttons = offer.Locator(".choices button");
        await Expect(buttons.Nth(1)).ToBeVisibleAsync(new() { Timeout = Wait });
        Assert.InRange(await buttons.CountAsync(), 2, 13);

        // Tapping the first candidate answers that entry; the answer starts with the entry's title.
        var title = (await buttons.First.TextContentAsync())!.Trim();
        Assert.NotEmpty(title);
        var before = await bot.CountAsync();
        await buttons.First.ClickAsync();
        await Expect(bot).ToHaveCountAsync(before + 1, new() { Timeout = Wait });
        await Expect(buttons.First).ToBeDisabledAsync();
        var prefix = title[..Math.Min(20, title.Length)];
        await Expect(bot.Last).ToHaveTextAsync(new Regex(@"^\s*" + Regex.Escape(prefix)), new() { Timeout = Wait });

        // A clear unaccented question gets a direct answer.
        before = await bot.CountAsync();
        await AskAsync(page, "thu tuc xin phep xay nha can gi");
        await Expect(bot).ToHaveCountAsync(before + 1, new() { Timeout = Wait });
        await Expect(bot.Last).ToContainTextAsync(new Regex("giấy phép xây dựng", RegexOptions.IgnoreCase), new() { Timeout = Wait });
        await Expect(bot.Last).Not.ToHaveClassAsync(new Regex(@"\bescalated\b"));

        // An out-of-scope question is handed to staff and marked as such.
        before = await bot.CountAsync();
        await AskAsync(page, "gia vang hom nay bao nhieu");
        await Expect(bot).ToHaveCountAsync(before + 1, new() { Timeout = Wait });
        await Expect(bot.Last).ToHaveClassAsync(new Regex(@"\bescalated\b"), new() { Timeout = Wait });
        await Expect(bot.Last.Locator(".notice")).ToHaveTextAsync("Đã chuyển cho cán bộ");
        await Expect(bot.Last).ToBeInViewportAsync(new() { Ratio = 1 }); // the log follows the newest reply on a phone-sized screen

        await Expect(page.Locator("li.bubble.me")).ToHaveCountAsync(4);
        Assert.Empty(errors);

        // The README picture: the start of the conversation (greeting and topics, question, candidate buttons, the tapped one).
        // Written next to the test binaries; REFORMBOT_README_SCREENSHOT=1 refreshes docs/webchat.png instead.
        await page.Locator("#log").EvaluateAsync("log => { log.scrollTop = 0; document.activeElement?.blur(); }");
        var folder = Environment.GetEnvironmentVariable("REFORMBOT_README_SCREENSHOT") == "1"
            ? Directory.CreateDirectory(Path.Combine(SamplePack.RepoRoot, "docs")).FullName
            : AppContext.BaseDirectory;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "webchat.png") });
    }

    /// <summary>Types a question and sends it with Enter, as a citizen would; the bubble shows before the reply comes.</summary>
    private static async Task AskAsync(IPage page, string text)
    {
        var mine = page.Locator("li.bubble.me");
        var count = await mine.CountAsync();
        await page.Locator("#text").FillAsync(text);
        await page.Locator("#text").PressAsync("Enter");
        await Expect(mine).ToHaveCountAsync(count + 1, new() { Timeout = Wait });
        await Expect(mine.Last).ToHaveTextAsync(text);
    }
}
