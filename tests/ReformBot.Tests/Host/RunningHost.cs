using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using ReformBot.Core.Storage;
using ReformBot.Host;
using ReformBot.Host.Channels.Facebook;
using ReformBot.Host.Channels.Zalo;

namespace ReformBot.Tests.Host;

/// <summary>
/// The real host on a loopback port (Kestrel, real HTTP), with the sample knowledge, its own data folder and the
/// platforms' base URLs pointing at a <see cref="FakePlatform"/>. Dispose to stop it; the data folder survives for restarts.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    public const string AppSecret = "test-app-secret";
    public const string ZaloAppId = "1234567890";
    public const string ZaloOaSecret = "test-oa-secret";

    private readonly WebApplication app;

    public HttpClient Http { get; }
    public string DataPath { get; }

    private RunningHost(WebApplication app, string dataPath)
    {
        this.app = app;
        DataPath = dataPath;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public static string NewDataPath() => Path.Combine(Path.GetTempPath(), "reformbot-tests", Guid.NewGuid().ToString("N"));

    public static async Task<RunningHost> StartAsync(FakePlatform platform, string? dataPath = null, IDictionary<string, string?>? extra = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        dataPath ??= NewDataPath();
        var settings = Settings(platform, dataPath);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;

        var app = BotApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        return new RunningHost(app, dataPath);
    }

    /// <summary>The host's settings for tests: sample knowledge, its own data folder, both platforms at the fake.</summary>
    public static Dictionary<string, string?> Settings(FakePlatform platform, string dataPath) => new()
    {
        ["ReformBot:KnowledgePath"] = SamplePack.Directory,
        ["ReformBot:DataPath"] = dataPath,
        ["ReformBot:MessageWindowSeconds"] = "0.2",
        ["ReformBot:Facebook:AppSecret"] = AppSecret,
        ["ReformBot:Facebook:VerifyToken"] = "verify-me",
        ["ReformBot:Facebook:PageAccessToken"] = "page-token",
        ["ReformBot:Facebook:GraphApiBaseUrl"] = platform.BaseUrl + "/v25.0",
        ["ReformBot:Zalo:AppId"] = ZaloAppId,
        ["ReformBot:Zalo:OaSecretKey"] = ZaloOaSecret,
        ["ReformBot:Zalo:AppSecretKey"] = FakePlatform.ZaloAppSecret,
        ["ReformBot:Zalo:AccessToken"] = platform.ZaloAccessToken,
        ["ReformBot:Zalo:RefreshToken"] = platform.ZaloRefreshToken,
        ["ReformBot:Zalo:OpenApiBaseUrl"] = platform.BaseUrl,
        ["ReformBot:Zalo:OAuthBaseUrl"] = platform.BaseUrl,
        ["ReformBot:Delivery:FirstRetryDelaySeconds"] = "0.05",
        ["ReformBot:Delivery:BreakSeconds"] = "1",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public T Service<T>() where T : notnull => app.Services.GetRequiredService<T>();

    /// <summary>A staff account in the data folder (password "mat-khau-cua-NAME"), and a new API token of it.</summary>
    public static string AddStaff(string dataPath, string name, StaffRole role)
    {
        using var file = new StaffDatabase(dataPath);
        var staff = new StaffStore(file, TimeProvider.System);
        staff.Add(name, role, $"mat-khau-cua-{name}");
        return staff.IssueToken(name)!;
    }

    /// <summary>
    /// Until every stored event is answered and every reply is delivered or given up on: after that nothing more will be
    /// sent, so a test can assert that something did not happen without sleeping on it.
    /// </summary>
    public async Task WaitUntilIdleAsync(TimeSpan? timeout = null)
    {
        var db = Service<BotDatabase>();
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (db.Inbox.Exists(i => i.AnsweredAt == null) || db.Outbox.Exists(o => o.State == OutboxState.Pending))
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The host still has events to answer or replies to send.");
            await Task.Delay(20);
        }
    }

    public Task<HttpResponseMessage> PostFacebookAsync(string json, string? signature = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/facebook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(FacebookSignature.Header, signature ?? FacebookSignature.Sign(body, AppSecret));
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostZaloAsync(string json, string timestamp, string? signature = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/zalo") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(ZaloSignature.Header, signature ?? "mac=" + ZaloSignature.Sign(body, timestamp, ZaloAppId, ZaloOaSecret));
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostWebChatAsync(string session, string text) =>
        Http.PostAsJsonAsync("/webchat/messages", new { session, id = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)), text });

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
