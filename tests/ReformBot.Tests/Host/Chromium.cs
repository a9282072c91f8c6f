using Microsoft.Playwright;

namespace ReformBot.Tests.Host;

/// <summary>Debian's chromium, headless, with the flags that work on these machines (research/browser-tests.md).</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>Fails (never skips) when chromium is missing: ./test.sh, the README's test command, installs it.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Path))
            throw new InvalidOperationException($"The browser tests need Debian's chromium at {Path}, which is missing: run the tests with ./test.sh, which installs it.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }
}
