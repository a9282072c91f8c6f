using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ReformBot.Host;

namespace ReformBot.Tests.Host;

public sealed class StartupTests
{
    [Theory]
    [InlineData("ReformBot:Facebook:GraphApiBaseUrl", "graph.facebook.com")]
    [InlineData("ReformBot:Zalo:MaxEventAgeHours", "1")]
    [InlineData("ReformBot:MessageWindowSeconds", "-1")]
    [InlineData("ReformBot:Delivery:RetryCount", "50")]
    public async Task RefusesToStartWithABadSettingAndNamesIt(string key, string value)
    {
        await using var platform = await FakePlatform.StartAsync();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            RunningHost.StartAsync(platform, extra: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(key, error.Message);
    }

    [Fact]
    public async Task RefusesToStartWithABrokenKnowledgePackAndSaysWhy()
    {
        await using var platform = await FakePlatform.StartAsync();
        var missing = Path.Combine(Path.GetTempPath(), "no-such-pack-" + Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAsync<StartupException>(() =>
            RunningHost.StartAsync(platform, extra: new Dictionary<string, string?> { ["ReformBot:KnowledgePath"] = missing }));

        Assert.Contains("ReformBot:KnowledgePath", error.Message);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public async Task RefusesASecondHostOnTheSameDataFolderAndTheFirstKeepsWorking()
    {
        await using var platform = await FakePlatform.StartAsync();
        await using var first = await RunningHost.StartAsync(platform);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningHost.StartAsync(platform, first.DataPath));

        Assert.Contains("in use by another ReformBot process", error.ToString());
        await first.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-L1", "mid.l1", "gia han giay phep xay dung"));
        Assert.Equal("PSID-L1", Assert.Single(await platform.WaitForAsync(s => s.Count >= 1)).UserId);
    }

    [Fact]
    public async Task TurnsOffAChannelWithoutCredentialsAndReportsItInHealth()
    {
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform, extra: new Dictionary<string, string?> { ["ReformBot:Zalo:AppSecretKey"] = "" });

        var health = await host.Http.GetFromJsonAsync<JsonElement>("/healthz");
        var zaloWebhook = await host.Http.PostAsync("/webhooks/zalo", new StringContent("{}"));

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(68, health.GetProperty("index").GetProperty("entries").GetInt32());
        Assert.True(health.GetProperty("database").GetProperty("writable").GetBoolean());
        Assert.Equal("on", health.GetProperty("channels").GetProperty("facebook").GetString());
        Assert.Equal("on", health.GetProperty("channels").GetProperty("webchat").GetString());
        Assert.Contains("ReformBot:Zalo:AppSecretKey", health.GetProperty("channels").GetProperty("zalo").GetString());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, zaloWebhook.StatusCode);
    }
}
